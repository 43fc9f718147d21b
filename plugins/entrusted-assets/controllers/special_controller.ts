import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { accessOf, type UserAccess } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import { dateText } from '#core/holidays/calendar_date'
import { Money } from '#core/money/money'
import { dbNow } from '#core/db/db_time'
import { refuseUnknownFields } from '#core/validation/unknown_fields'
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'
import { EntrustedError } from '../services/assets.js'
import { RULES, applyRules, flagByHand, scopedSpecial, unflag } from '../services/special.js'
import {
  RULE_FIELDS,
  SPECIAL_FIELDS,
  listValidator,
  ruleValidator,
  specialValidator,
} from '../validators/entrusted.js'
import { idOf } from './params.js'

/* 特定资产登记 (flags by hand, removal) and the rules that flag (CrudPages). */
const ruleRow = (r: any) => ({
  id: Number(r.id),
  name: r.name as string,
  category: r.category as string,
  minBalance: r.min_balance_fen === null ? null : Money.fromFen(String(r.min_balance_fen)).toYuan(),
  industry: (r.industry as string | null) ?? null,
  status: r.enabled ? 'enabled' : 'disabled',
})

const specialRow = (r: any) => ({
  id: Number(r.id),
  loanId: Number(r.loan_id),
  loanNo: r.loan_no as string,
  customerName: r.customer_name as string,
  category: r.category as string,
  source: r.source as string,
  reason: (r.reason as string | null) ?? null,
  balance: Money.fromFen(String(r.balance_fen)).toYuan(),
  flaggedOn: dateText(r.flagged_on),
})

const specialQuery = (access: UserAccess) =>
  scopedSpecial(access)
    .join(book.loans.as('l'), 'l.id', 's.loan_id')
    .join(book.customers.as('c'), 'c.id', 's.customer_id')
    .whereNull('s.unflagged_on')
    .select('s.*', 'l.loan_no', 'c.name as customer_name')

function ruleColumns(input: any) {
  return {
    name: input.name,
    category: input.category,
    min_balance_fen:
      input.minBalance === null || input.minBalance === undefined
        ? null
        : Money.fromYuan(input.minBalance).toFen(),
    industry: input.industry || null,
    enabled: input.status === 'enabled',
  }
}

export default class SpecialController {
  async index(ctx: HttpContext) {
    const q = await ctx.request.validateUsing(listValidator)
    const page = await specialQuery(await accessOf(ctx))
      .orderBy('s.id', 'desc')
      .paginate(q.page ?? 1, q.perPage ?? 20)
    return {
      data: page.all().map(specialRow),
      meta: { total: page.total, page: page.currentPage, perPage: page.perPage },
    }
  }

  async show(ctx: HttpContext) {
    const row = await specialQuery(await accessOf(ctx))
      .where('s.id', idOf(ctx) || 0)
      .first()
    if (!row) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    return specialRow(row)
  }

  async store(ctx: HttpContext) {
    refuseUnknownFields(ctx, SPECIAL_FIELDS)
    const input = await ctx.request.validateUsing(specialValidator)
    const id = await flagByHand(await accessOf(ctx), input)
    await audit.record(ctx, {
      action: 'entrusted.special.flag',
      entityType: 'entrusted_special_asset',
      entityId: id,
      after: input,
    })
    ctx.response.status(201)
    return { id }
  }

  async destroy(ctx: HttpContext) {
    const removed = await unflag(await accessOf(ctx), idOf(ctx))
    await audit.record(ctx, {
      action: 'entrusted.special.unflag',
      entityType: 'entrusted_special_asset',
      entityId: removed.id,
      before: removed,
    })
    return ctx.response.noContent()
  }

  async apply(ctx: HttpContext) {
    refuseUnknownFields(ctx, [])
    const result = await applyRules(await accessOf(ctx))
    await audit.record(ctx, {
      action: 'entrusted.special.apply-rules',
      entityType: 'entrusted_special_asset',
      detail: JSON.stringify(result),
    })
    return result
  }

  async rules(ctx: HttpContext) {
    const q = await ctx.request.validateUsing(listValidator)
    const page = await db
      .from(RULES)
      .orderBy('id')
      .paginate(q.page ?? 1, q.perPage ?? 20)
    return {
      data: page.all().map(ruleRow),
      meta: { total: page.total, page: page.currentPage, perPage: page.perPage },
    }
  }

  async rule(ctx: HttpContext) {
    const row = await db
      .from(RULES)
      .where('id', idOf(ctx) || 0)
      .first()
    if (!row) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    return ruleRow(row)
  }

  async storeRule(ctx: HttpContext) {
    refuseUnknownFields(ctx, RULE_FIELDS)
    const input = await ctx.request.validateUsing(ruleValidator)
    const [id] = await db.table(RULES).insert({
      ...ruleColumns(input),
      created_by: ctx.auth.getUserOrFail().id,
      created_at: dbNow(),
      updated_at: dbNow(),
    })
    await audit.record(ctx, {
      action: 'entrusted.rule.create',
      entityType: 'entrusted_special_rule',
      entityId: Number(id),
      after: input,
    })
    return ctx.response.status(201).send(ruleRow(await db.from(RULES).where('id', id).first()))
  }

  async updateRule(ctx: HttpContext) {
    refuseUnknownFields(ctx, RULE_FIELDS)
    const input = await ctx.request.validateUsing(ruleValidator)
    const before = await db
      .from(RULES)
      .where('id', idOf(ctx) || 0)
      .first()
    if (!before) throw new EntrustedError(404, '规则不存在', 'No such rule')
    await db
      .from(RULES)
      .where('id', before.id)
      .update({ ...ruleColumns(input), updated_at: dbNow() })
    const after = ruleRow(await db.from(RULES).where('id', before.id).first())
    await audit.record(ctx, {
      action: 'entrusted.rule.update',
      entityType: 'entrusted_special_rule',
      entityId: after.id,
      before: ruleRow(before),
      after,
    })
    return after
  }
}
