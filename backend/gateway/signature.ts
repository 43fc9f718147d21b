/*
| 接口签名: every inbound call carries four headers —
|   X-Gateway-Key        the caller's key id (接入系统)
|   X-Gateway-Timestamp  Unix seconds; refused outside ±5 minutes of our clock
|   X-Gateway-Nonce      8–64 of [A-Za-z0-9_-], used once per key (Redis, 10 min)
|   X-Gateway-Signature  hex HMAC-SHA256(secret, canonical)
| canonical = METHOD \n path-with-query \n timestamp \n nonce \n hex SHA-256(raw body)
| The body hash binds the exact bytes sent; the path binds the interface.
| Comparison is constant-time (timingSafeEqual over equal-length digests).
*/
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

export const CLOCK_WINDOW_SECONDS = 300
export const NONCE = /^[A-Za-z0-9_-]{8,64}$/

export interface SignedParts {
  method: string
  path: string
  timestamp: string
  nonce: string
  body: string
}

export const bodyHash = (body: string) => createHash('sha256').update(body, 'utf8').digest('hex')

export function canonical(parts: SignedParts) {
  return [
    parts.method.toUpperCase(),
    parts.path,
    parts.timestamp,
    parts.nonce,
    bodyHash(parts.body),
  ].join('\n')
}

export function sign(secret: string, parts: SignedParts) {
  return createHmac('sha256', secret).update(canonical(parts)).digest('hex')
}

/** Constant-time: the work does not depend on where a wrong signature differs. */
export function signatureMatches(secret: string, parts: SignedParts, given: string) {
  const expected = Buffer.from(sign(secret, parts), 'utf8')
  const actual = Buffer.from(/^[0-9a-f]{64}$/i.test(given) ? given.toLowerCase() : '', 'utf8')
  if (actual.length !== expected.length) {
    timingSafeEqual(expected, expected)
    return false
  }
  return timingSafeEqual(expected, actual)
}

/** Within ±5 minutes of now (a whole number of seconds, nothing else). */
export function timestampFresh(timestamp: string, nowMs = Date.now()) {
  if (!/^\d{9,11}$/.test(timestamp)) return false
  return Math.abs(Math.floor(nowMs / 1000) - Number(timestamp)) <= CLOCK_WINDOW_SECONDS
}

/** The four headers of a signed request (the 接口测试 runner and partners' SDKs build the same). */
export function signedHeaders(
  keyId: string,
  secret: string,
  parts: Omit<SignedParts, 'timestamp'> & { timestamp?: string }
) {
  const timestamp = parts.timestamp ?? String(Math.floor(Date.now() / 1000))
  const full = { ...parts, timestamp }
  return {
    'X-Gateway-Key': keyId,
    'X-Gateway-Timestamp': timestamp,
    'X-Gateway-Nonce': parts.nonce,
    'X-Gateway-Signature': sign(secret, full),
  }
}
