import { createHmac, timingSafeEqual } from 'node:crypto'
import type { SsoIdentity, SsoProvider } from './sso_provider.js'
import { claimOnce } from '../rate_limit.js'

/**
 * Ticket = base64url(JSON { username, issuedAt (epoch s), nonce }) + "." +
 * base64url(HMAC-SHA256(secret, payload)). Valid for `maxAgeSeconds`; each nonce
 * is accepted once across app nodes (a portal ticket is single-use).
 */
export class HmacTicketProvider implements SsoProvider {
  constructor(
    readonly id: string,
    private secret: string,
    private maxAgeSeconds = 60
  ) {}

  static sign(secret: string, identity: { username: string; issuedAt?: number; nonce?: string }) {
    const payload = Buffer.from(
      JSON.stringify({
        username: identity.username,
        issuedAt: identity.issuedAt ?? Math.floor(Date.now() / 1000),
        nonce: identity.nonce ?? Math.random().toString(36).slice(2),
      })
    ).toString('base64url')
    const signature = createHmac('sha256', secret).update(payload).digest('base64url')
    return `${payload}.${signature}`
  }

  async verify(ticket: string): Promise<SsoIdentity | null> {
    const [payload, signature] = ticket.split('.')
    if (!payload || !signature) return null
    const expected = Buffer.from(
      createHmac('sha256', this.secret).update(payload).digest('base64url')
    )
    const given = Buffer.from(signature)
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
    let body: { username?: unknown; issuedAt?: unknown; nonce?: unknown }
    try {
      body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
    } catch {
      return null
    }
    if (
      typeof body.username !== 'string' ||
      typeof body.issuedAt !== 'number' ||
      typeof body.nonce !== 'string'
    )
      return null
    const now = Math.floor(Date.now() / 1000)
    if (body.issuedAt > now + 5 || now - body.issuedAt > this.maxAgeSeconds) return null
    // Single use across every app node (Redis when configured, this process otherwise);
    // refused when the store cannot answer.
    if (!(await claimOnce(`sso-nonce:${this.id}:${body.nonce}`, this.maxAgeSeconds + 5)))
      return null
    return { username: body.username }
  }
}
