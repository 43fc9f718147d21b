import type { ManifestPart } from './part.js'

/*
| 系统管理 · 通知公告: the management page and its buttons, and the notice kinds.
| Reading one's own notices (/api/notices/mine) needs no grant: see
| backend/start/routes/notices.ts for why.
*/
const button = (action: string, zh: string, en: string) => ({
  code: `system:notice:${action}`,
  type: 'button' as const,
  name: { zh, en },
  permission: `system:notice:${action}`,
})

const part: ManifestPart = {
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
}

export default part
