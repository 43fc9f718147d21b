import type { HttpContext } from '@adonisjs/core/http'
import type { Localized } from '#core/plugins/types'

/** A plugin's own text in the request's language (zh-CN unless the console asks for en). */
export const localize = (ctx: HttpContext, text: Localized) =>
  String(ctx.locale).startsWith('en') ? text.en : text.zh
