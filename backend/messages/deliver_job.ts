/*
| The queued job that sends one delivery (one message on one channel). A thrown
| error lets the queue retry (DELIVER_ATTEMPTS); every attempt's outcome is
| written on the delivery row, so the last one tells what finally happened.
| A delivery that is no longer `queued`/`failed` (sent or skipped by an earlier
| attempt) is left alone, so a duplicate job cannot send twice.
*/
import db from '@adonisjs/lucid/services/db'
import type { JobHandler } from '#core/plugins/types'
import { dbNow, fromDb } from '#core/db/db_time'
import { messageTypes } from './message_types.js'
import { sendEmail } from './channels/email.js'
import { sendSms } from './channels/sms.js'
import type { ChannelOutcome, DeliveryContext } from './channels/types.js'

const channels: Record<string, (ctx: DeliveryContext) => Promise<ChannelOutcome>> = {
  email: sendEmail,
  sms: sendSms,
}

async function loadContext(deliveryId: number) {
  const row = await db
    .from('message_deliveries as d')
    .join('messages as m', 'm.id', 'd.message_id')
    .join('users as u', 'u.id', 'm.user_id')
    .where('d.id', deliveryId)
    .select(
      'd.id',
      'd.channel',
      'd.status',
      'd.attempts',
      'm.id as message_id',
      'm.type',
      'm.title',
      'm.body',
      'm.link',
      'm.data',
      'm.created_at',
      'u.id as user_id',
      'u.real_name',
      'u.username',
      'u.email',
      'u.phone',
      'u.status as user_status'
    )
    .first()
  return row
}

const deliverMessage: JobHandler = async ({ payload }) => {
  const deliveryId = Number(payload?.deliveryId)
  const row = await loadContext(deliveryId)
  // Not visible yet: dispatched on a nested transaction's savepoint release, the
  // outer one may still be committing. Retrying lets it land (or the daily safety net).
  if (!row) throw new Error(`Message delivery ${deliveryId} not found (not committed yet?)`)
  if (!['queued', 'failed'].includes(row.status)) return { skipped: true }
  const attempts = Number(row.attempts) + 1
  const record = (status: string, detail: string | null | undefined, sent = false) =>
    db
      .from('message_deliveries')
      .where('id', deliveryId)
      .update({
        status,
        attempts,
        detail: detail ? detail.slice(0, 500) : null,
        sent_at: sent ? dbNow() : null,
        updated_at: dbNow(),
      })

  if (row.user_status !== 'active') {
    await record('skipped', '用户已停用')
    return { status: 'skipped' }
  }
  const send = channels[row.channel]
  if (!send) {
    await record('skipped', `未知渠道 ${row.channel}`)
    return { status: 'skipped' }
  }
  const type = await messageTypes.get(row.type).catch(() => null)
  const context: DeliveryContext = {
    deliveryId,
    message: {
      id: Number(row.message_id),
      type: row.type,
      typeName: type?.name.zh ?? row.type,
      title: row.title,
      body: row.body,
      link: row.link,
      data: row.data ? JSON.parse(row.data) : null,
      createdAt: fromDb(row.created_at)?.toFormat('yyyy-MM-dd HH:mm') ?? '',
    },
    recipient: {
      id: Number(row.user_id),
      name: row.real_name || row.username,
      email: row.email || null,
      phone: row.phone || null,
    },
  }
  try {
    const outcome = await send(context)
    await record(outcome.status, outcome.detail, outcome.status === 'sent')
    return { status: outcome.status }
  } catch (error) {
    await record('failed', (error as Error).message)
    throw error
  }
}

export default deliverMessage
