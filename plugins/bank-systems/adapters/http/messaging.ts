/*
| SMS / e-mail gateways over HTTP. Each send carries a fresh Idempotency-Key:
| the core then retries a timed-out send, and the gateway dedupes the repeat, so
| a customer never gets the same 催收短信 twice.
*/
import { randomUUID } from 'node:crypto'
import type { MessagingAdapter } from '../contracts.js'
import { esbCall } from './esb.js'

export const httpMessaging: MessagingAdapter = {
  async sendSms(phone, text) {
    const r = await esbCall<any>(
      'messaging',
      'sms',
      { phone, text },
      { idempotencyKey: `sms:${randomUUID()}` }
    )
    return { messageId: r.messageId }
  },
  async sendMail(to, subject, html) {
    const r = await esbCall<any>(
      'messaging',
      'mail',
      { to, subject, html },
      { idempotencyKey: `mail:${randomUUID()}` }
    )
    return { messageId: r.messageId }
  },
}
