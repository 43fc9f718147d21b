/*
| notify(): the one way core and plugins send a message (消息提醒).
|
|   await notify({ type: 'deadline.reminder', userIds: [7], title: '…', link: '/…' }, { trx })
|
| The in-app rows (站内信) are written in the caller's transaction, so a message
| exists exactly when the business change does. E-mail and SMS are each one
| queued job per message and channel (with retries), dispatched only after the
| transaction commits: a slow or failing mail server never holds a lock or fails
| the business action. A muted optional channel gets no delivery row at all.
*/
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { dbNow } from '#core/db/db_time'
import { messageTypes } from './message_types.js'
import { mutedChannels } from './preferences.js'
import { dispatchDeliveries } from './delivery_dispatch.js'

export interface NotifyInput {
  type: string
  userIds: number[]
  title: string
  body?: string
  link?: string
  /** Template data for the e-mail/SMS bodies (also kept on the message). */
  data?: Record<string, unknown>
}

const clip = (text: string | undefined, max: number) =>
  text === undefined ? null : text.length > max ? text.slice(0, max - 1) + '…' : text

export async function notify(
  input: NotifyInput,
  options: { trx?: TransactionClientContract } = {}
): Promise<void> {
  const definition = await messageTypes.get(input.type)
  const userIds = [...new Set(input.userIds)].filter((id) => Number.isInteger(id) && id > 0)
  if (!userIds.length) return
  const client = options.trx ?? db
  const mutes = await mutedChannels(userIds, input.type, options.trx)
  const now = dbNow()
  const deliveryIds: number[] = []
  for (const userId of userIds) {
    const [messageId] = await client.table('messages').insert({
      user_id: userId,
      type: input.type,
      title: clip(input.title, 200),
      body: input.body ?? null,
      link: clip(input.link, 500),
      data: input.data ? JSON.stringify(input.data) : null,
      read_at: null,
      created_at: now,
    })
    for (const channel of definition.channels) {
      if (channel === 'inapp') continue
      if (definition.optional?.includes(channel) && mutes.get(userId)?.has(channel)) continue
      const [deliveryId] = await client.table('message_deliveries').insert({
        message_id: Number(messageId),
        channel,
        status: 'queued',
        attempts: 0,
        created_at: now,
        updated_at: now,
      })
      deliveryIds.push(Number(deliveryId))
    }
  }
  if (!deliveryIds.length) return
  const dispatch = () =>
    dispatchDeliveries(deliveryIds).catch((error) =>
      // Rows stay `queued`; the business action has already succeeded.
      logger.error({ err: error, deliveryIds }, 'message delivery dispatch failed')
    )
  if (options.trx) options.trx.after('commit', () => void dispatch())
  else await dispatch()
}
