import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { audit } from '#core/audit/audit'
import { dbNow } from '#core/db/db_time'
import { refuseUnknownFields } from '#core/validation/unknown_fields'
import { isFiveClass } from '../../credit-assets/rules/five_class.js'
import { readRules, RULE_PARAM, type RuleRecord } from '../plan/rules.js'
import { ruleValidator } from '../validators/plan.js'

/*
| 减免业务规则 (the 减免规则 page, a CrudPage): the records the submission checks.
| Each rule has at most one parameter (`param`): the permission principal relief
| needs, the minimum 五级分类, the interest percentage. Edited by holders of
| relief:rule:update, each change audited; a parameter that cannot work is a 422.
*/
const row = (r: RuleRecord) => {
  const key = RULE_PARAM[r.code]
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    enabled: r.enabled,
    param: key ? (r.params[key] ?? null) : null,
    paramKey: key,
  }
}

const refuse = (ctx: HttpContext, zh: string, en: string) =>
  ctx.response.status(422).send({
    message: ctx.locale === 'en' ? en : zh,
    errors: [{ field: 'param', rule: 'relief', message: ctx.locale === 'en' ? en : zh }],
  })

/** The parameter checked for the rule it belongs to; null when it is fine. */
async function paramProblem(code: RuleRecord['code'], value: string | null | undefined) {
  if (RULE_PARAM[code] === null)
    return value ? ['该规则没有参数', 'This rule takes no parameter'] : null
  if (!value) return ['请填写规则参数', 'Enter the parameter']
  if (code === 'interest_percent' && !(/^\d{1,3}(\.\d{1,2})?$/.test(value) && Number(value) <= 100))
    return ['比例须为 0–100 之间的数，最多两位小数', 'A percentage 0–100, two decimals at most']
  if (code === 'min_five_class' && !isFiveClass(value))
    return ['五级分类代码无效', 'Not a five-class code']
  if (
    code === 'principal_head_office' &&
    !(await db.from('permissions').where('code', value).first())
  )
    return ['权限代码不存在', 'No such permission']
  return null
}

export default class RulesController {
  async index(ctx: HttpContext) {
    const keyword = String(ctx.request.input('keyword') ?? '').trim()
    const rules = (await db.transaction((trx) => readRules(trx)))
      .filter((r) => !keyword || r.name.includes(keyword) || r.code.includes(keyword))
      .map(row)
    return {
      data: rules,
      meta: { total: rules.length, page: 1, perPage: Math.max(rules.length, 1) },
    }
  }

  async show(ctx: HttpContext) {
    const rule = (await db.transaction((trx) => readRules(trx))).find(
      (r) => r.id === Number(ctx.params.id)
    )
    if (!rule) return ctx.response.status(404).send({ message: ctx.i18n('http.notFound') })
    return row(rule)
  }

  async update(ctx: HttpContext) {
    // paramKey: the page echoes which parameter the rule takes (read-only, ignored).
    refuseUnknownFields(ctx, ['name', 'enabled', 'param', 'paramKey'])
    const input = await ctx.request.validateUsing(ruleValidator)
    const id = Number(ctx.params.id)
    return db.transaction(async (trx) => {
      const rules = await readRules(trx)
      const rule = rules.find((r) => r.id === id)
      if (!rule) return ctx.response.status(404).send({ message: ctx.i18n('http.notFound') })
      const key = RULE_PARAM[rule.code]
      const param = input.param === undefined ? (key ? rule.params[key] : null) : input.param
      const problem = await paramProblem(rule.code, param)
      if (problem) return refuse(ctx, problem[0], problem[1])
      const after = {
        name: input.name ?? rule.name,
        enabled: input.enabled ?? rule.enabled,
        params: key ? { ...rule.params, [key]: param! } : rule.params,
      }
      await trx
        .from('relief_rules')
        .where('id', id)
        .update({
          name: after.name,
          enabled: after.enabled,
          params: JSON.stringify(after.params),
          updated_at: dbNow(),
        })
      await audit.append(ctx, {
        action: 'relief.rule.update',
        entityType: 'relief:rule',
        entityId: id,
        before: { ...rule },
        after,
        trx,
      })
      return row({ ...rule, ...after })
    })
  }
}
