import { definePart } from '#core/plugins/define_part'

const AuditController = () => import('./audit_controller.js')

/*
| 系统管理 · audit: 登录日志 and 操作日志 pages, the export permission and job,
| the result and login-action dictionaries, the name-masking parameter, and the
| routes under /api/system/audit. An export needs both the export code and the
| list code of the log it exports; the list code is checked last, so it is the
| one the data scope follows.
*/
const exportButton = (page: string) => ({
  code: `system:audit:${page}:export`,
  type: 'button' as const,
  name: { zh: '导出', en: 'Export' },
  permission: 'system:audit:export',
})

export default definePart({
  area: 'audit',
  prefix: '/api/system/audit',
  routes(api) {
    api.get('/login-logs', [AuditController, 'loginLogs'], 'system:audit:login-log')
    api.post(
      '/login-logs/export',
      [AuditController, 'exportLoginLogs'],
      ['system:audit:export', 'system:audit:login-log']
    )

    api.get('/operation-logs', [AuditController, 'operationLogs'], 'system:audit:operation-log')
    api.get(
      '/operation-logs/actions',
      [AuditController, 'operationActions'],
      'system:audit:operation-log'
    )
    api.get('/operation-logs/:id', [AuditController, 'operationLog'], 'system:audit:operation-log')
    api.post(
      '/operation-logs/export',
      [AuditController, 'exportOperationLogs'],
      ['system:audit:export', 'system:audit:operation-log']
    )

    api.get('/security-logs', [AuditController, 'securityLogs'], 'system:audit:security-log')

    api.get('/exports/:jobId/download', [AuditController, 'download'], 'system:audit:export')
  },
  menus: [
    {
      under: 'system:logs',
      code: 'system:login-logs',
      type: 'page',
      name: { zh: '登录日志', en: 'Sign-in log' },
      permission: 'system:audit:login-log',
      page: 'system/LoginLogs',
      path: '/system/login-logs',
      icon: 'Key',
      order: 1,
      children: [exportButton('login-log')],
    },
    {
      under: 'system:logs',
      code: 'system:operation-logs',
      type: 'page',
      name: { zh: '操作日志', en: 'Operation log' },
      permission: 'system:audit:operation-log',
      page: 'system/OperationLogs',
      path: '/system/operation-logs',
      icon: 'Document',
      order: 2,
      children: [exportButton('operation-log')],
    },
  ],
  permissions: [
    { code: 'system:audit:export', name: { zh: '导出审计日志', en: 'Export audit logs' } },
  ],
  dictionaries: [
    {
      type: 'audit_result',
      name: { zh: '操作结果', en: 'Result' },
      items: [
        { code: 'success', label: { zh: '成功', en: 'Success' }, color: 'success', order: 1 },
        { code: 'failure', label: { zh: '失败', en: 'Failure' }, color: 'danger', order: 2 },
      ],
    },
    {
      type: 'audit_login_action',
      name: { zh: '登录日志类型', en: 'Sign-in event' },
      items: [
        { code: 'auth.login', label: { zh: '登录', en: 'Sign in' }, color: 'success', order: 1 },
        {
          code: 'auth.login_failed',
          label: { zh: '登录失败', en: 'Failed sign-in' },
          color: 'danger',
          order: 2,
        },
        { code: 'auth.logout', label: { zh: '退出登录', en: 'Sign out' }, color: 'info', order: 3 },
        {
          code: 'session.kick',
          label: { zh: '强制下线', en: 'Session ended by admin' },
          color: 'warning',
          order: 4,
        },
        {
          code: 'auth.password_change',
          label: { zh: '修改密码', en: 'Password change' },
          color: 'primary',
          order: 5,
        },
      ],
    },
  ],
  settings: [
    {
      key: 'system.audit.maskNames',
      name: { zh: '审计日志脱敏客户名称', en: 'Mask customer names in audit logs' },
      type: 'boolean',
      default: 'true',
      description: 'true: 客户名称在审计日志中按 张* 形式脱敏（证件号、手机号、账号始终脱敏）',
    },
  ],
  jobs: [{ name: 'system:audit-export', handler: () => import('#core/audit/export_job') }],
})
