import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { accessOf } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import { LIKE, likeContains, likePrefix } from '#core/db/like'
import { dbNow } from '#core/db/db_time'
import { createProject, submitProject, type ProjectInput } from '../domain/projects.js'
import { projectPlain, projectRow, ownsProject, scopedProjects, RULES } from '../domain/store.js'
import { poolSummary } from '../domain/pool.js'
import { checkRuleValue, loadRules, RULE_CODES, type RuleCode } from '../domain/rules.js'
import { BatchError } from '../domain/batch_error.js'
import { listValidator, projectValidator, ruleValidator } from '../validators/batch.js'
import { idParam, record, strictBody } from './helpers.js'

/** 转让立项 and the rules. */
export default class ProjectsController {
  async index(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(listValidator)
    const query = scopedProjects(await accessOf(ctx))
    if (input.keyword) {
      const k = input.keyword
      query.where((q) =>
        q
          .whereRaw(LIKE, ['p.project_no', likePrefix(k)])
          .orWhereRaw(LIKE, ['p.name', likeContains(k)])
      )
    }
    if (input.status) query.where('p.status', input.status)
    if (input.stage) query.where('p.stage', input.stage)
    const page = input.page ?? 1
    const perPage = input.perPage ?? 20
    const [{ total }] = await query.clone().clearSelect().count('* as total')
    const rows = await query
      .orderBy('p.id', 'desc')
      .offset((page - 1) * perPage)
      .limit(perPage)
    return { data: rows.map(projectPlain), meta: { total: Number(total), page, perPage } }
  }

  async show(ctx: HttpContext) {
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.id)
    const row = await projectRow(access, id)
    return {
      ...projectPlain(row),
      mine: await ownsProject(access, id),
      summary: await poolSummary(access, id),
    }
  }

  async store(ctx: HttpContext) {
    const input = await strictBody<ProjectInput>(ctx, projectValidator, [
      'name',
      'mode',
      'targetSize',
      'plannedStart',
      'plannedEnd',
      'team',
      'reasons',
    ])
    const access = await accessOf(ctx)
    const id = await createProject(access, input)
    await record(ctx, 'project.create', 'project', id, input)
    return ctx.response.created(projectPlain(await projectRow(access, id)))
  }

  async submit(ctx: HttpContext) {
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.id)
    await submitProject(access, id)
    await record(ctx, 'project.submit', 'project', id)
    return projectPlain(await projectRow(access, id))
  }

  async rules() {
    return { data: await loadRules() }
  }

  async updateRule(ctx: HttpContext) {
    const code = String(ctx.params.code) as RuleCode
    if (!RULE_CODES.includes(code)) throw new BatchError(404, '规则不存在')
    const input = await strictBody<{ value: string; enabled: boolean }>(ctx, ruleValidator, [
      'value',
      'enabled',
    ])
    if (['loan_in_book', 'not_in_other_disposal'].includes(code) && !input.enabled)
      throw new BatchError(422, '该规则保证同一借据不被重复处置，不能停用')
    const refusal = checkRuleValue(code, input.value)
    if (refusal)
      return ctx.response.status(422).send({
        message: refusal,
        errors: [{ field: 'value', rule: 'rule', message: refusal }],
      })
    const before = await db.from(RULES).where('code', code).first()
    await db
      .from(RULES)
      .where('code', code)
      .update({
        value: input.value,
        enabled: input.enabled,
        updated_by: (await accessOf(ctx)).user.id,
        updated_at: dbNow(),
      })
    await audit.record(ctx, {
      action: 'batch-disposal.rule.update',
      entityType: 'batch-disposal:rule',
      entityId: Number(before.id),
      before: { value: before.value, enabled: Boolean(before.enabled) },
      after: input,
    })
    return { data: await loadRules() }
  }
}
