import { definePart } from '#core/plugins/define_part'

/*
| 安全控制 parameters: sign-in throttling and lockout (per IP, per user+IP, global),
| upload allow-list and size, export-job rate, denied-request logging, and the
| 安全日志 page of 日志管理 (security category of the audit chain).
*/
const number = (key: string, zh: string, en: string, value: number) => ({
  key,
  name: { zh, en },
  type: 'number' as const,
  default: String(value),
})

export default definePart({
  area: 'security',
  menus: [
    {
      under: 'system:logs',
      code: 'system:security-logs',
      type: 'page',
      name: { zh: '安全日志', en: 'Security log' },
      permission: 'system:audit:security-log',
      page: 'system/SecurityLogs',
      path: '/system/security-logs',
      icon: 'Lock',
      order: 3,
    },
  ],
  permissions: [
    {
      code: 'system:audit:security-log',
      name: { zh: '查看安全日志', en: 'View the security log' },
    },
  ],
  dictionaries: [
    {
      type: 'audit_security_action',
      name: { zh: '安全事件', en: 'Security event' },
      items: [
        {
          code: 'security.unauthenticated',
          label: { zh: '未登录访问', en: 'Not signed in' },
          color: 'warning',
          order: 1,
        },
        {
          code: 'security.forbidden',
          label: { zh: '越权访问', en: 'Permission denied' },
          color: 'danger',
          order: 2,
        },
        {
          code: 'security.not_found',
          label: { zh: '越范围访问', en: 'Outside data scope' },
          color: 'danger',
          order: 3,
        },
        {
          code: 'security.escalation_refused',
          label: { zh: '越权授予被拒', en: 'Escalation refused' },
          color: 'danger',
          order: 4,
        },
        {
          code: 'security.download',
          label: { zh: '文件下载', en: 'File download' },
          color: 'primary',
          order: 5,
        },
        {
          code: 'security.upload_refused',
          label: { zh: '上传被拒', en: 'Upload refused' },
          color: 'warning',
          order: 6,
        },
        {
          code: 'security.account_locked',
          label: { zh: '账号锁定', en: 'Account locked' },
          color: 'danger',
          order: 7,
        },
        {
          code: 'security.throttled',
          label: { zh: '频率限制', en: 'Rate limited' },
          color: 'warning',
          order: 8,
        },
      ],
    },
  ],
  settings: [
    number(
      'system.login.ipFailuresPerWindow',
      '同一 IP 登录失败上限（每窗口，跨用户名）',
      'Failed sign-ins per IP per window (all usernames)',
      20
    ),
    number(
      'system.login.ipWindowMinutes',
      '同一 IP 登录失败统计窗口（分钟）',
      'Per-IP failed sign-in window (minutes)',
      15
    ),
    number(
      'system.login.globalLockAfterFailures',
      '全局锁定账号的失败次数（跨 IP）',
      'Failures from all IPs before the account itself locks',
      20
    ),
    number('system.security.uploadMaxMb', '附件大小上限（MB）', 'Attachment size limit (MB)', 20),
    {
      key: 'system.security.uploadTypes',
      name: { zh: '允许上传的文件类型', en: 'File types allowed for upload' },
      type: 'json',
      default: '["pdf","png","jpg","jpeg","doc","docx","xls","xlsx","txt","zip"]',
      description:
        '按文件内容识别类型后比对（扩展名须一致）; 可选 pdf png jpg jpeg gif doc docx xls xlsx txt csv zip',
    },
    number(
      'system.security.exportJobsPerMinute',
      '每人每分钟可发起的导出任务数',
      'Export jobs one user may start per minute',
      5
    ),
    number(
      'system.security.deniedLogPerMinute',
      '每人每分钟记录的拒绝访问条数上限',
      'Denied requests logged per user per minute',
      30
    ),
  ],
})
