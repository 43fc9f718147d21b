/*
| The refusals of 数据字典管理 and 菜单管理: a RuleError (backend/plugins/rule_error.ts),
| so the exception handler answers it in the caller's language from the texts in
| backend/registry/messages.ts ('registry.*').
|
| The answer keeps the shape these pages always had: a 404 is `{ message }`; a
| 422 is `{ message, errors: [{ field, rule, message }] }`, the one field's text
| being the message itself (not 'validation.failed'), so the console shows the
| reason both as the toast and under the field.
*/
import type { HttpContext } from '@adonisjs/core/http'
import { RuleError, type RuleData } from '#core/plugins/rule_error'

export class RegistryError extends RuleError {
  constructor(
    /** 404: no such live row; 422: the rule refused the change. */
    status: 404 | 422,
    /** Server text key, e.g. 'registry.dict.typeExists'. */
    code: string,
    /** For a 422: the field the refusal is about and the rule that refused it. */
    readonly field?: string,
    readonly rule?: string,
    data: RuleData = {}
  ) {
    super(status, code, { data })
  }

  static notFound() {
    return new RegistryError(404, 'http.notFound')
  }

  /** A 422 about one field, e.g. `refused('code', 'unique', 'registry.dict.typeExists', { code })`. */
  static refused(field: string, rule: string, code: string, data: RuleData = {}) {
    return new RegistryError(422, code, field, rule, data)
  }

  async answer(ctx: HttpContext) {
    if (this.status === 404 || !this.field) return super.answer(ctx)
    const message = this.messageFor(ctx)
    return ctx.response
      .status(this.status)
      .send({ message, errors: [{ field: this.field, rule: this.rule, message }] })
  }
}
