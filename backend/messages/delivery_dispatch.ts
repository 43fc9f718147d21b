import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { queue } from '#core/queue/queue'

/** The core job that sends one delivery (one message on one channel). */
export const DELIVER_JOB = 'system:message-deliver'

/** Attempts per delivery: a mail server restart or a gateway blip should not lose a reminder. */
export const DELIVER_ATTEMPTS = 3

export async function dispatchDeliveries(deliveryIds: number[]) {
  for (const deliveryId of deliveryIds)
    await queue.dispatch(DELIVER_JOB, { deliveryId }, { attempts: DELIVER_ATTEMPTS })
}

/**
 * Safety net for deliveries whose dispatch itself failed (Redis down at commit
 * time, a crash between commit and dispatch): still `queued` after `minutes`,
 * they are dispatched again. The job skips a delivery already sent, so a
 * duplicate dispatch cannot send twice. Run by the daily reminder job.
 */
export async function redispatchStaleDeliveries(minutes = 30): Promise<number> {
  const before = DateTime.now().minus({ minutes }).toFormat('yyyy-MM-dd HH:mm:ss')
  const rows = await db
    .from('message_deliveries')
    .where('status', 'queued')
    .where('updated_at', '<', before)
    .orderBy('id')
    .limit(5000)
    .select('id')
  await dispatchDeliveries(rows.map((r) => Number(r.id)))
  return rows.length
}
