import type { MessagePart } from '#core/i18n/parts/index'

/* Server texts of sign-in, passwords and sessions. */
const part: MessagePart = {
  'zh-CN': {
    'identity.locked': '账号已锁定，请于 {until} 后再试',
    'identity.captchaRequired': '请输入图形验证码',
    'identity.captchaWrong': '验证码错误或已过期，请重新输入',
    'identity.passwordChangeRequired': '请先修改密码',
    'identity.oldPasswordWrong': '原密码不正确',
    'identity.tooManyAttempts': '尝试过于频繁，请稍后再试',
    'identity.ssoRejected': '单点登录票据无效或已过期',
    'identity.ssoUnknownProvider': '未配置该单点登录来源',
    'identity.sessionNotFound': '会话不存在或已下线',
    'identity.cannotKickSelf': '不能强制下线当前会话，请使用退出登录',
    'identity.repeatSubmit': '请勿重复提交，上一次提交正在处理或刚刚完成',
    'fourEyes.NOT_FOUND': '变更不存在或无权访问',
    'fourEyes.NOT_PENDING': '该变更已处理',
    'fourEyes.OWN_CHANGE': '不能复核自己提交的变更，须由另一名管理员复核',
    'fourEyes.MAKER_ACCOUNT':
      '该账号由变更提交人创建或修改，不能复核其提交的变更，须由另一名管理员复核',
    'fourEyes.NOT_REQUESTER': '只有提交人可以撤回',
    'fourEyes.pending': '变更已提交，待另一名管理员复核后生效',
    'fourEyes.applyFailed': '变更无法生效：{reason}',
  },
  'en': {
    'identity.locked': 'This account is locked. Try again after {until}',
    'identity.captchaRequired': 'Please enter the captcha',
    'identity.captchaWrong': 'The captcha is wrong or has expired. Please try again',
    'identity.passwordChangeRequired': 'Please change your password first',
    'identity.oldPasswordWrong': 'The current password is wrong',
    'identity.tooManyAttempts': 'Too many attempts. Please wait a moment',
    'identity.ssoRejected': 'The single sign-on ticket is invalid or has expired',
    'identity.ssoUnknownProvider': 'No such single sign-on provider',
    'identity.sessionNotFound': 'The session does not exist or has ended',
    'identity.cannotKickSelf': 'Use sign-out to end your own session',
    'identity.repeatSubmit': 'This was just submitted; it was not sent twice',
    'fourEyes.NOT_FOUND': 'The change does not exist or you may not see it',
    'fourEyes.NOT_PENDING': 'This change has already been decided',
    'fourEyes.OWN_CHANGE': 'A second administrator must approve your change',
    'fourEyes.MAKER_ACCOUNT':
      'The requester created or changed your account; another administrator must approve',
    'fourEyes.NOT_REQUESTER': 'Only the requester can withdraw a change',
    'fourEyes.pending':
      'Submitted: the change takes effect once a second administrator approves it',
    'fourEyes.applyFailed': 'The change could not be applied: {reason}',
  },
}

export default part
