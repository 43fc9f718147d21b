import { definePart } from '#core/plugins/define_part'

const AuthController = () => import('./auth_controller.js')
const SessionsController = () => import('./sessions_controller.js')
const ChangesController = () => import('#core/four_eyes/changes_controller')

/*
| 系统管理 · identity: sign-in, sessions and 在线用户, 待复核变更, and the login
| security parameters; user/role/org pages live in the base manifest.
| Login, captcha and SSO are public (rate limited); me / logout / password reach
| even a session that must change its password first, so it can finish that.
*/
export default definePart({
  area: 'identity',
  prefix: '/api',
  routes(api) {
    api.public.post('/auth/login', [AuthController, 'login'])
    api.public.get('/auth/captcha', [AuthController, 'captcha'])
    api.public.post('/auth/sso', [AuthController, 'sso'])

    api.anySession.post('/auth/logout', [AuthController, 'logout'])
    api.anySession.get('/me', [AuthController, 'me'])
    api.anySession.post('/auth/password', [AuthController, 'changePassword'])

    api.get('/system/sessions', [SessionsController, 'index'], 'system:session:list')
    api.delete('/system/sessions/:id', [SessionsController, 'destroy'], 'system:session:kick')
    api.get('/system/changes', [ChangesController, 'index'], 'system:change:list')
    api.post('/system/changes/:id/approve', [ChangesController, 'approve'], 'system:change:approve')
    api.post('/system/changes/:id/reject', [ChangesController, 'reject'], 'system:change:approve')
    api.post('/system/changes/:id/withdraw', [ChangesController, 'withdraw'], 'system:change:list')
  },
  menus: [
    {
      under: 'system:monitor',
      code: 'system:sessions',
      type: 'page',
      name: { zh: '在线用户', en: 'Online users' },
      permission: 'system:session:list',
      page: 'system/OnlineUsers',
      path: '/system/online-users',
      icon: 'Monitor',
      order: 1,
      children: [
        {
          code: 'system:session:kick',
          type: 'button',
          name: { zh: '强制下线', en: 'Force sign-out' },
          permission: 'system:session:kick',
        },
      ],
    },
    {
      under: 'system:access',
      code: 'system:changes',
      type: 'page',
      name: { zh: '待复核变更', en: 'Changes to approve' },
      permission: 'system:change:list',
      page: 'system/PendingChanges',
      path: '/system/pending-changes',
      icon: 'Stamp',
      order: 6,
      children: [
        {
          code: 'system:change:approve',
          type: 'button',
          name: { zh: '复核', en: 'Approve / reject' },
          permission: 'system:change:approve',
        },
      ],
    },
  ],
  dictionaries: [],
  settings: [
    {
      key: 'system.password.minLength',
      name: { zh: '密码最小长度', en: 'Password minimum length' },
      type: 'number',
      default: '8',
    },
    {
      key: 'system.password.minClasses',
      name: { zh: '密码至少包含字符类别数', en: 'Password character classes required' },
      type: 'number',
      default: '3',
    },
    {
      key: 'system.password.expiryDays',
      name: { zh: '密码有效期（天，0 为不过期）', en: 'Password expiry (days, 0 = never)' },
      type: 'number',
      default: '90',
    },
    {
      key: 'system.password.historyCount',
      name: { zh: '禁止重复使用最近密码次数', en: 'Recent passwords that may not be reused' },
      type: 'number',
      default: '5',
    },
    {
      key: 'system.login.captchaAfterFailures',
      name: { zh: '失败几次后需验证码', en: 'Failures before a captcha is required' },
      type: 'number',
      default: '3',
    },
    {
      key: 'system.login.lockAfterFailures',
      name: { zh: '失败几次后锁定', en: 'Failures before lockout' },
      type: 'number',
      default: '5',
    },
    {
      key: 'system.login.lockMinutes',
      name: { zh: '锁定时长（分钟）', en: 'Lockout duration (minutes)' },
      type: 'number',
      default: '15',
    },
    {
      key: 'system.fourEyes.kinds',
      name: { zh: '需双人复核的变更类型', en: 'Changes that need a second administrator' },
      type: 'json',
      default:
        '["role.grant","role.dataScope","setting.frozen","user.create","user.roles","user.org"]',
      description: "四眼原则: listed kinds wait for a second administrator's approval",
      // Frozen from the start, so switching four-eyes off itself needs a second administrator.
      frozenOnInstall: true,
    },
    {
      key: 'system.fourEyes.userChanges',
      name: {
        zh: '用户角色与机构变更的复核范围',
        en: 'Which user role and org changes need review',
      },
      type: 'string',
      default: 'privileged',
      description:
        'privileged: only users and roles carrying a four-eyes-protected permission (system administrators); all: every role assignment and org move',
      frozenOnInstall: true,
    },
    {
      key: 'system.fourEyes.reviewWindowDays',
      name: {
        zh: '复核回避期（天）',
        en: 'Review exclusion window (days)',
      },
      type: 'number',
      default: '90',
      description:
        '四眼原则: an account the maker created or changed within this many days may not approve their changes',
      frozenOnInstall: true,
    },
    {
      key: 'system.security.repeatSubmitSeconds',
      name: {
        zh: '防重复提交时间窗口（秒，0 为关闭）',
        en: 'Repeat-submit window (seconds, 0 = off)',
      },
      type: 'number',
      default: '2',
    },
    {
      key: 'system.session.clientMacHeader',
      name: {
        zh: '信贷门户传递客户端 MAC 的请求头',
        en: 'Header carrying the client MAC from the credit portal',
      },
      type: 'string',
      default: 'X-Client-MAC',
    },
  ],
})
