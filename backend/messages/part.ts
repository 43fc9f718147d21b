import type { ManifestPart } from '#core/system/parts/part'

/*
| 消息中心 and 时效提醒: the message list page (top level, for every signed-in
| user: its permission is one of SIGNED_IN_PERMISSIONS in menu_tree.ts, because
| reading your own messages is implied by being addressed — see
| backend/messages/routes.ts), the delivery job, and the daily reminder
| run (a scheduled job each morning, and an end-of-day step as a safety net).
*/
const part: ManifestPart = {
  menus: [
    {
      under: null,
      code: 'system:messages',
      type: 'page',
      name: { zh: '消息中心', en: 'Messages' },
      permission: 'system:message:mine',
      page: 'messages/Messages',
      path: '/messages',
      icon: 'Message',
      order: 880,
    },
  ],
  dictionaries: [
    {
      type: 'message_channel',
      name: { zh: '消息渠道', en: 'Message channel' },
      items: [
        { code: 'inapp', label: { zh: '站内信', en: 'In-app' }, order: 1 },
        { code: 'email', label: { zh: '电子邮件', en: 'E-mail' }, order: 2 },
        { code: 'sms', label: { zh: '短信', en: 'SMS' }, order: 3 },
      ],
    },
    {
      type: 'message_delivery_status',
      name: { zh: '消息发送状态', en: 'Delivery status' },
      items: [
        { code: 'queued', label: { zh: '待发送', en: 'Queued' }, color: 'info', order: 1 },
        { code: 'sent', label: { zh: '已发送', en: 'Sent' }, color: 'success', order: 2 },
        { code: 'failed', label: { zh: '发送失败', en: 'Failed' }, color: 'danger', order: 3 },
        { code: 'skipped', label: { zh: '未发送', en: 'Skipped' }, color: 'warning', order: 4 },
      ],
    },
  ],
  jobs: [
    {
      name: 'system:message-deliver',
      handler: () => import('#core/messages/deliver_job'),
      attempts: 3,
    },
    {
      name: 'system:deadline-reminders',
      handler: () => import('#core/deadlines/reminder_job'),
      // 07:30 Asia/Shanghai, before the branches open.
      schedule: '30 7 * * *',
      attempts: 3,
    },
  ],
  dailySteps: [
    {
      name: 'system:deadline-reminders',
      handler: () => import('#core/deadlines/reminder_step'),
    },
  ],
}

export default part
