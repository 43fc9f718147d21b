import { definePart } from '#core/plugins/define_part'
import { numericId } from '#core/plugins/route_matchers'

const MessagesController = () => import('./messages_controller.js')

/*
| 消息中心 and 时效提醒: the message list page (top level, for every signed-in
| user: its permission is one of SIGNED_IN_PERMISSIONS in menu_tree.ts, because
| reading your own messages is implied by being addressed), the delivery job,
| and the daily reminder run (a scheduled job each morning, and an end-of-day
| step as a safety net; the reminders themselves are backend/deadlines/).
|
| The /api/messages routes, like GET /api/me and /api/notices/mine, need only a
| signed-in user: they read and mark the caller's OWN messages and preferences,
| selected by user id in the query, never by a parameter the caller controls.
| Being the addressee is the access rule (another user's message id is a 404). A
| grantable code would let a role created later silently miss 待办 and 时效
| reminders. The console's 消息中心 menu uses `system:message:mine`, which
| menu_tree.ts treats as held by every signed-in user for the same reason.
*/
export default definePart({
  area: 'messages',
  prefix: '/api/messages',
  routes(api) {
    api.signedIn.get('/', [MessagesController, 'index'])
    api.signedIn.get('/unread-count', [MessagesController, 'unreadCount'])
    api.signedIn.post('/read-all', [MessagesController, 'markAllRead'])
    api.signedIn.get('/preferences', [MessagesController, 'preferences'])
    api.signedIn.put('/preferences', [MessagesController, 'updatePreferences'])
    api.signedIn.post('/:id/read', [MessagesController, 'markRead']).where('id', numericId)
  },
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
})
