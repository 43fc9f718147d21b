import type { MessagePart } from '#core/i18n/parts/index'

/* Server texts of the browser-session controls (session cookie, CSRF). Keys: 'security.<name>'. */
const part: MessagePart = {
  'zh-CN': {
    'security.csrfRejected': '请求缺少有效的防伪令牌，请刷新页面后重试',
  },
  'en': {
    'security.csrfRejected':
      'The request lacks a valid anti-forgery token. Reload the page and try again',
  },
}

export default part
