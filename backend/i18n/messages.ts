/*
| Server-side texts in both console languages. 系统提示管理 lets administrators
| override any of them by key without a deploy (message_overrides, read from the
| versioned prompts cache in memory — no query per message).
*/
import { promptOverride } from '../registry/prompts_cache.js'

export type Locale = 'zh-CN' | 'en'

export const messages: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    'auth.invalidCredentials': '用户名或密码错误',
    'auth.unauthenticated': '登录已失效，请重新登录',
    'auth.forbidden': '没有该操作的权限',
    'auth.disabled': '账号已停用',
    'validation.failed': '提交的数据有误，请检查标注的字段',
    'http.notFound': '记录不存在或无权访问',
    'http.serverError': '系统繁忙，请稍后再试',
    'http.routeNotFound': '接口不存在',
    'http.tooDeep': '提交的数据嵌套层级过深（最多 {max} 层）',
    'http.badJson': '提交的数据不是有效的 JSON',
    'settings.invalidValue': '参数值与类型（{type}）不符',
  },
  'en': {
    'auth.invalidCredentials': 'Wrong username or password',
    'auth.unauthenticated': 'Your session has ended. Please sign in again',
    'auth.forbidden': 'You do not have permission for this action',
    'auth.disabled': 'This account is disabled',
    'validation.failed': 'Some fields need your attention',
    'http.notFound': 'The record does not exist or you may not see it',
    'http.serverError': 'The system is busy. Please try again later',
    'http.routeNotFound': 'No such API',
    'http.tooDeep': 'The submitted data is nested too deeply (at most {max} levels)',
    'http.badJson': 'The submitted data is not valid JSON',
    'settings.invalidValue': 'The value does not match the parameter type ({type})',
  },
}

/*
| Areas keep their own texts in i18n/parts/<area>.ts (`{ 'zh-CN': {...}, en: {...} }`),
| merged here, so no area edits this file.
*/
import { parts } from './parts/index.js'
for (const part of parts) {
  Object.assign(messages['zh-CN'], part['zh-CN'])
  Object.assign(messages.en, part.en)
}

/** Picks zh-CN unless the client prefers English. */
export function pickLocale(acceptLanguage: string | undefined | null): Locale {
  return acceptLanguage && /^en\b/i.test(acceptLanguage.trim()) ? 'en' : 'zh-CN'
}

export function translate(locale: Locale, key: string, data: Record<string, unknown> = {}) {
  const template =
    promptOverride(locale, key) ?? messages[locale][key] ?? messages['zh-CN'][key] ?? key
  return template.replace(/\{(\w+)\}/g, (_, name) => String(data[name] ?? ''))
}
