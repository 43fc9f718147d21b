import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { saveTemplateValidator } from '../../validators/document.js'
import { DOCUMENT_KIND_CODES } from '../../documents/kinds.js'
import {
  currentTemplate,
  saveTemplate,
  templateHistory,
  templateList,
  templateVersion,
} from '../../documents/template_store.js'

/** 文书模板管理: the six kinds, each version's text, and saving a new version. */
export default class TemplateController {
  async index() {
    return { data: await templateList() }
  }

  async show(ctx: HttpContext) {
    const code = String(ctx.params.code)
    if (!DOCUMENT_KIND_CODES.includes(code))
      return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    const version = ctx.request.qs().version
    const chosen =
      version === undefined
        ? await currentTemplate(code)
        : /^\d{1,6}$/.test(String(version))
          ? await templateVersion(code, Number(version))
          : null
    if (!chosen) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    return { ...chosen, history: await templateHistory(code) }
  }

  async update(ctx: HttpContext) {
    const code = String(ctx.params.code)
    if (!DOCUMENT_KIND_CODES.includes(code))
      return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    const input = await ctx.request.validateUsing(saveTemplateValidator)
    const access = await accessOf(ctx)
    await saveTemplate(ctx, access, code, input)
    return { ...(await currentTemplate(code)), history: await templateHistory(code) }
  }
}
