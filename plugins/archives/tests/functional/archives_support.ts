import db from '@adonisjs/lucid/services/db'
import { outbox, type DeliveryOptions } from '#core/connectors/outbox'

/* Shared by the archives specs: fast outbox delivery, a tiny PNG, the routes, draining the outbox. */
export const FAST: DeliveryOptions = {
  backoffMs: 0,
  maxBackoffMs: 0,
  timeoutMs: 200,
  retries: 0,
  maxAttempts: 100,
}

export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64'
)

export const url = (customerId: number, rest = '') => `/api/archives/customers/${customerId}${rest}`

/** Delivers the imaging messages until none is pending (or 20 rounds). */
export async function drain() {
  for (let i = 0; i < 20; i++) {
    await outbox.deliverDue(FAST)
    const left = await db
      .from('outbox_messages')
      .where('system_code', 'imaging')
      .where('status', 'pending')
      .count('* as n')
      .first()
    if (!Number(left?.n)) return
    await new Promise((resolve) => setTimeout(resolve, 30))
  }
}
