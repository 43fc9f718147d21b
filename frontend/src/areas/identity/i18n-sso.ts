/* Console texts of the 单点登录 landing page (key `sso`). */
export default {
  'zh-CN': {
    sso: {
      signingIn: '正在通过信贷门户登录…',
      refused: '单点登录未成功',
      toLogin: '使用账号密码登录',
    },
  },
  'en': {
    sso: {
      signingIn: 'Signing in through the credit portal…',
      refused: 'Single sign-on failed',
      toLogin: 'Sign in with a password',
    },
  },
}
