import { definePart } from '#core/plugins/define_part'
import { numericId } from '#core/plugins/route_matchers'

const NoticesController = () => import('./notices_controller.js')

/*
| 系统管理 · 通知公告: the management page and its buttons, the notice kinds, and
| the routes.
|
| /api/system/notices — management, each route with its `system:notice:*` code.
|
| /api/notices/mine   — the reader's side. Like GET /api/me it needs only a
| signed-in user: reading a notice addressed to you is implied by being
| addressed (system:notice:read is held by every signed-in user, not granted).
| Why not a grantable code: a publisher who sends to 全行 or to a role expects
| every such user to get it; a role created later without the grant would
| silently miss 紧急通知. The addressing filter in backend/notices/my_notices.ts
| is the access rule, and a notice not addressed to the caller is a 404.
*/
const button = (action: string, zh: string, en: string) => ({
  code: `system:notice:${action}`,
  type: 'button' as const,
  name: { zh, en },
  permission: `system:notice:${action}`,
})

export default definePart({
  area: 'notices',
  prefix: '/api',
  routes(api) {
    const manage = '/system/notices'
    api.get(manage, [NoticesController, 'index'], 'system:notice:list')
    api.get(
      `${manage}/audience-options`,
      [NoticesController, 'audienceOptions'],
      'system:notice:publish'
    )
    api
      .get(`${manage}/:id`, [NoticesController, 'show'], 'system:notice:list')
      .where('id', numericId)
    api.post(manage, [NoticesController, 'store'], 'system:notice:create')
    api
      .put(`${manage}/:id`, [NoticesController, 'update'], 'system:notice:update')
      .where('id', numericId)
    api
      .post(`${manage}/:id/publish`, [NoticesController, 'publish'], 'system:notice:publish')
      .where('id', numericId)
    api
      .post(`${manage}/:id/revoke`, [NoticesController, 'revoke'], 'system:notice:revoke')
      .where('id', numericId)
    api
      .delete(`${manage}/:id`, [NoticesController, 'destroy'], 'system:notice:delete')
      .where('id', numericId)

    const mine = '/notices/mine'
    api.signedIn.get(mine, [NoticesController, 'mine'])
    api.signedIn.get(`${mine}/unread-count`, [NoticesController, 'myUnreadCount'])
    api.signedIn.post(`${mine}/read-all`, [NoticesController, 'markAllRead'])
    api.signedIn.get(`${mine}/:id`, [NoticesController, 'showMine']).where('id', numericId)
    api.signedIn.post(`${mine}/:id/read`, [NoticesController, 'markRead']).where('id', numericId)
  },
  menus: [
    {
      under: 'system:root',
      code: 'system:notices',
      type: 'page',
      name: { zh: '通知公告', en: 'Notices' },
      permission: 'system:notice:list',
      page: 'system/Notices',
      path: '/system/notices',
      icon: 'Bell',
      order: 1,
      children: [
        button('create', '新增通知', 'Create notice'),
        button('update', '修改通知', 'Edit notice'),
        button('publish', '发布通知', 'Publish notice'),
        button('revoke', '撤销通知', 'Revoke notice'),
        button('delete', '删除通知', 'Delete notice'),
      ],
    },
  ],
  dictionaries: [
    {
      type: 'notice_kind',
      name: { zh: '通知类型', en: 'Notice type' },
      items: [
        { code: 'notice', label: { zh: '通知', en: 'Notice' }, color: 'primary', order: 1 },
        {
          code: 'announcement',
          label: { zh: '公告', en: 'Announcement' },
          color: 'success',
          order: 2,
        },
        {
          code: 'urgent',
          label: { zh: '紧急通知', en: 'Urgent notice' },
          color: 'danger',
          order: 3,
        },
      ],
    },
    {
      type: 'notice_status',
      name: { zh: '通知状态', en: 'Notice status' },
      items: [
        { code: 'draft', label: { zh: '草稿', en: 'Draft' }, color: 'info', order: 1 },
        { code: 'published', label: { zh: '已发布', en: 'Published' }, color: 'success', order: 2 },
        { code: 'revoked', label: { zh: '已撤销', en: 'Revoked' }, color: 'warning', order: 3 },
      ],
    },
  ],
  settings: [],
})
