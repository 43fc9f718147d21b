import mail from '@adonisjs/mail/services/main'
import { settings } from '#core/settings/settings'
import { mailSettings } from '../mail_settings.js'
import { renderEmail, renderEmailText } from '../email_body.js'
import type { ChannelOutcome, DeliveryContext } from './types.js'

/** Absolute console link, when APP_URL tells us where the console lives. */
function absoluteLink(link: string | null) {
  const base = process.env.APP_URL
  if (!link || !base) return null
  return base.replace(/\/+$/, '') + (link.startsWith('/') ? link : `/${link}`)
}

function facts(data: Record<string, unknown> | null) {
  const list = data?.facts
  if (!Array.isArray(list)) return []
  return list
    .filter((f): f is { label: unknown; value: unknown } => typeof f === 'object' && f !== null)
    .map((f) => ({ label: String(f.label ?? ''), value: String(f.value ?? '') }))
}

export async function sendEmail({ message, recipient }: DeliveryContext): Promise<ChannelOutcome> {
  const smtp = mailSettings.current()
  if (!smtp) return { status: 'skipped', detail: 'SMTP 未配置' }
  if (!recipient.email) return { status: 'skipped', detail: '用户未登记电子邮箱' }
  const data = {
    bankName: await settings.string('system.bank.name').catch(() => '示范银行'),
    typeName: message.typeName,
    title: message.title,
    recipientName: recipient.name,
    body: message.body,
    facts: facts(message.data),
    linkUrl: absoluteLink(message.link),
    sentAt: message.createdAt,
  }
  const html = await renderEmail(data)
  const response = await mail.use('smtp').send((mailMessage) => {
    mailMessage
      .from(smtp.from)
      .to(recipient.email!, recipient.name)
      .subject(message.title)
      .html(html)
      .text(renderEmailText(data))
      // Lets the bank's mail gateway (and our tests) tie a mail to its delivery row.
      .header('X-Message-Delivery', String(message.id))
  })
  return { status: 'sent', detail: response.messageId?.slice(0, 200) }
}
