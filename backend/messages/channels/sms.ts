/*
| SMS through the bank's SMS gateway (短信网关), an external system that a plugin
| registers with the core connectors (bank-systems declares it as
| `messaging` / `sms`). Core calls it by code and never imports the plugin; with
| no such system registered (plugin disabled) SMS is recorded as skipped.
*/
import { call } from '#core/connectors/http_connector'
import { connectorRegistry } from '#core/connectors/registry'
import type { ChannelOutcome, DeliveryContext } from './types.js'

export const SMS_SYSTEM = 'messaging'
export const SMS_INTERFACE = 'sms'

/** Short text: SMS is billed per 70 characters, and the console has the detail. */
export function smsText(title: string, link: string | null) {
  const text = `【风险资产管理】${title}` + (link ? '，详情请登录系统查看。' : '')
  return text.length > 140 ? text.slice(0, 139) + '…' : text
}

export async function sendSms({
  deliveryId,
  message,
  recipient,
}: DeliveryContext): Promise<ChannelOutcome> {
  if (!connectorRegistry.interface(SMS_SYSTEM, SMS_INTERFACE))
    return { status: 'skipped', detail: '短信网关未接入' }
  if (!recipient.phone) return { status: 'skipped', detail: '用户未登记手机号' }
  // The key makes a retried POST safe: the gateway sends one SMS per key.
  const response = await call<{ data?: { messageId?: string } }>(
    SMS_SYSTEM,
    SMS_INTERFACE,
    { phone: recipient.phone, text: smsText(message.title, message.link) },
    { idempotencyKey: `message-delivery-${deliveryId}` }
  )
  return { status: 'sent', detail: response?.data?.messageId?.slice(0, 200) }
}
