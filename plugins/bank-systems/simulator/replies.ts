/*
| The simulator's answers in the bank's ESB envelope `{ retCode, retMsg, data }`,
| and the raw HTTP reading and writing of its one server.
*/
import type http from 'node:http'
import type { Ledger } from './ledger.js'

export interface Reply {
  status: number
  body: unknown
  /** Processed twice when a duplicate delivery is simulated (postings, messages). */
  replay?: () => unknown
}

export const ok = (data: unknown) => ({ retCode: '0000', retMsg: '成功', data })
export const notFound = (what: string) => ({
  status: 404,
  body: { retCode: '4040', retMsg: `${what}不存在`, data: null },
})
export const badRequest = (message: string) => ({
  status: 400,
  body: { retCode: '4000', retMsg: message, data: null },
})
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A request applied once per Idempotency-Key (postings, messages): a repeat answers the first ack. */
export function keyed(ledger: Ledger<any>, key: string | undefined, body: any): Reply {
  if (!key) return badRequest('缺少 Idempotency-Key')
  return { status: 200, body: ok(ledger.apply(key, body)), replay: () => ledger.apply(key, body) }
}

/** Writes JSON (or plain text) unless the client has gone. */
export function send(res: http.ServerResponse, status: number, payload: unknown) {
  if (res.destroyed || res.writableEnded) return
  const text = typeof payload === 'string' ? payload : JSON.stringify(payload)
  res.writeHead(status, {
    'Content-Type':
      typeof payload === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
  })
  res.end(text)
}

/** The request body as JSON (null when empty); `undefined` when it is not JSON. */
export async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const text = Buffer.concat(chunks).toString('utf8')
  if (!text) return null
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
