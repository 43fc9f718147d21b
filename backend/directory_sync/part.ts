import { definePart } from '#core/plugins/define_part'

const Controller = () => import('./directory_sync_controller.js')
const id = /^\d{1,9}$/

/* 系统管理 · 权限管理 › 目录同步: orgs, departments and staff from 授权及流程管理. */
export default definePart({
  area: 'directory_sync',
  prefix: '/api/system/directory-sync',
  routes(api) {
    api.get('/runs', [Controller, 'runs'], 'system:directory-sync:list')
    api.get('/runs/:id', [Controller, 'show'], 'system:directory-sync:list').where('id', id)
    api.post('/runs', [Controller, 'compute'], 'system:directory-sync:list')
    api.post('/runs/:id/apply', [Controller, 'apply'], 'system:directory-sync:apply').where('id', id)
  },
  menus: [
    {
      under: 'system:access',
      code: 'system:directory-sync',
      type: 'page',
      name: { zh: '目录同步', en: 'Directory sync' },
      permission: 'system:directory-sync:list',
      page: 'system/DirectorySync',
      path: '/system/directory-sync',
      icon: 'Refresh',
      order: 9,
      children: [
        {
          code: 'system:directory-sync:apply-button',
          type: 'button',
          name: { zh: '应用差异', en: 'Apply differences' },
          permission: 'system:directory-sync:apply',
          order: 1,
        },
      ],
    },
  ],
  permissions: [
    {
      code: 'system:directory-sync:apply',
      name: { zh: '应用目录同步差异', en: 'Apply directory differences' },
    },
  ],
  settings: [
    {
      key: 'system.directorySync.nightlyApply',
      name: { zh: '夜间目录同步自动应用', en: 'Nightly directory sync applies' },
      type: 'boolean',
      default: 'false',
      description:
        '开启：每晚自动应用授权及流程管理的组织、部门、用户差异；关闭：只计算差异，待管理员在目录同步页确认后应用',
    },
  ],
  dictionaries: [
    {
      type: 'directory_sync_status',
      name: { zh: '目录同步状态', en: 'Directory sync status' },
      items: [
        { code: 'computed', label: { zh: '待确认', en: 'To review' }, color: 'warning', order: 1 },
        { code: 'applied', label: { zh: '已应用', en: 'Applied' }, color: 'success', order: 2 },
        { code: 'failed', label: { zh: '失败', en: 'Failed' }, color: 'danger', order: 3 },
      ],
    },
  ],
  jobs: [
    {
      name: 'system:directory-sync',
      handler: () => import('#core/directory_sync/nightly_job'),
      schedule: '30 1 * * *',
    },
  ],
})
