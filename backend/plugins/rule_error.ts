/*
| The one refusal type: a service (core area or plugin) throws a RuleError when a
| business rule says no, and backend/exceptions/handler.ts answers it in the
| caller's language. Services stay free of HTTP (they run in jobs and unit tests);
| controllers stay free of try/catch that only translates errors.
|
| Body shapes (what the console and the tests read):
|   404            { message }                 — missing or outside the data scope: nothing more leaks
|   409 / 403 / …  { message, code }           — `code` lets the console tell a state conflict from 防重复提交's 409
|   422 + fields   { message, code, errors: [{ field, rule, message }] }
| plus a subclass's own fields (`body`), e.g. `rule` on a refused grant.
*/
import type { HttpContext } from '@adonisjs/core/http'

export type Bilingual = { zh: string; en: string }
/** A value filled into a message; a `{ zh, en }` pair is picked by the caller's language. */
export type Localizable = string | number | Bilingual
export type RuleData = Record<string, Localizable>

/** One field a 422 is about. The text is a server message key or a ready pair of texts. */
export interface FieldProblem {
  field: string
  rule: string
  key?: string
  text?: Bilingual
  data?: RuleData
}

export interface RuleErrorOptions {
  /** Default text when `code` has no server message (backend/i18n, 系统提示管理 overrides by key). */
  text?: Bilingual
  /** A ready message shown as is (e.g. a plugin's workflow handler's own refusal). */
  message?: string
  data?: RuleData
  /** For a 422: the fields it is about (the message becomes 'validation.failed'). */
  problems?: FieldProblem[]
  /** Extra fields of the answer body. */
  body?: Record<string, unknown>
}

export class RuleError extends Error {
  readonly text?: Bilingual
  readonly data: RuleData
  readonly problems?: FieldProblem[]
  readonly body: Record<string, unknown>
  readonly readyMessage?: string

  constructor(
    /** 404 missing or out of scope; 409 wrong state; 422 bad input; 403 refused. */
    readonly status: number,
    /** Machine code and server message key, e.g. 'workflow.notPending'. */
    readonly code: string,
    options: RuleErrorOptions = {}
  ) {
    super(options.message ?? code)
    this.name = new.target.name
    this.text = options.text
    this.data = options.data ?? {}
    this.problems = options.problems
    this.body = options.body ?? {}
    this.readyMessage = options.message
  }

  /** Kept for code written against the per-area errors, which called it `key`. */
  get key() {
    return this.code
  }

  /** Missing, or outside the caller's data scope: the same answer, so nothing leaks. */
  static notFound() {
    return new RuleError(404, 'http.notFound')
  }

  /** Bad input on one or more fields. */
  static invalid(problems: FieldProblem[]) {
    return new RuleError(422, 'validation.failed', { problems })
  }

  static field(field: string, rule: string, key: string, data: RuleData = {}) {
    return RuleError.invalid([{ field, rule, key, data }])
  }

  /** The answer in the caller's language; a subclass may add logging (call super). */
  async answer(ctx: HttpContext) {
    const body: Record<string, unknown> = { message: this.messageFor(ctx) }
    if (this.status !== 404) body.code = this.code
    if (this.problems) {
      body.errors = this.problems.map((p) => ({
        field: p.field,
        rule: p.rule,
        message: p.text
          ? pick(ctx, p.text, p.data)
          : ctx.i18n(p.key ?? 'validation.failed', localize(ctx, p.data)),
      }))
    }
    return ctx.response.status(this.status).send({ ...body, ...this.body })
  }

  messageFor(ctx: HttpContext) {
    if (this.readyMessage !== undefined) return this.readyMessage
    if (this.problems?.length) return ctx.i18n('validation.failed')
    const data = localize(ctx, this.data)
    const translated = ctx.i18n(this.code, data)
    // translate() answers the key itself when no server text exists for it.
    return translated === this.code && this.text ? pick(ctx, this.text, this.data) : translated
  }
}

function localize(ctx: HttpContext, data: RuleData = {}) {
  const out: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(data)) {
    out[name] = typeof value === 'object' ? (ctx.locale === 'en' ? value.en : value.zh) : value
  }
  return out
}

function pick(ctx: HttpContext, text: Bilingual, data?: RuleData) {
  const values = localize(ctx, data)
  const template = ctx.locale === 'en' ? text.en : text.zh
  return template.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''))
}
