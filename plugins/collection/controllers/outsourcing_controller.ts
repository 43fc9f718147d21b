import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { Decimal } from 'decimal.js'
import { accessOf } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import { dateText } from '#core/holidays/calendar_date'
import { decimalText, Money } from '#core/money/money'
import { dbNow } from '#core/db/db_time'
import { LIKE, likeContains } from '#core/db/like'
import { bookApi } from '../../credit-assets/services/book_api.js'
import {
  agencyValidator,
  assignmentValidator,
  fieldError,
  listValidator,
  refusedUnknown,
} from '../validators/collection.js'
import { idParam, scopedAgencies, scopedTable } from '../services/scope.js'
import { assignmentFigures, attributeRecoveries } from '../services/outsourcing.js'
import { payCommissions } from '../services/pay_commissions.js'
import { isDuplicateKey } from '#core/db/db_errors'

/*
| 委外清收: agencies (licence, contract, commission rate), assignments of a
| customer's loans to one for a period with a target, 归集回款 (attribute the
| confirmed recoveries and compute commissions) and 支付佣金 (through the
| expenses plugin). Scoped like every list; out of scope = 404.
*/
const AGENCY_FIELDS = [
  'name',
  'licenceNo',
  'licenceExpiresOn',
  'contractNo',
  'contractFrom',
  'contractTo',
  'commissionRate',
  'contact',
  'status',
]
const rateText = (v: unknown) => {
  const [whole, frac = ''] = String(v).split('.')
  const trimmed = frac.replace(/0+$/, '')
  return trimmed ? `${whole}.${trimmed}` : whole
}
const yuan = (fen: unknown) => Money.fromFen(String(fen ?? '0')).toYuan()
/** 完成率 in percent, two decimals, half-up — from fen through decimal.js. */
const completionPercent = (recovered: Money, target: Money) =>
  decimalText(new Decimal(recovered.toFen()).times(100).div(target.toFen()).toString(), 2)

const agencyOf = (r: any) => ({
  id: Number(r.id),
  name: r.name,
  licenceNo: r.licence_no,
  licenceExpiresOn: dateText(r.licence_expires_on),
  contractNo: r.contract_no,
  contractFrom: dateText(r.contract_from),
  contractTo: dateText(r.contract_to),
  commissionRate: rateText(r.commission_rate),
  contact: r.contact,
  status: r.status,
})

function agencyColumns(input: any) {
  return {
    name: input.name,
    licence_no: input.licenceNo,
    licence_expires_on: input.licenceExpiresOn,
    contract_no: input.contractNo,
    contract_from: input.contractFrom,
    contract_to: input.contractTo,
    commission_rate: input.commissionRate,
    contact: input.contact ?? null,
    status: input.status,
  }
}

export default class OutsourcingController {
  async agencies(ctx: HttpContext) {
    const q = await ctx.request.validateUsing(listValidator)
    const query = scopedAgencies(await accessOf(ctx)).select('a.*')
    if (q.status) query.where('a.status', q.status)
    if (q.keyword) {
      const like = likeContains(q.keyword)
      query.where((w) =>
        w.whereRaw(LIKE, ['a.name', like]).orWhereRaw(LIKE, ['a.licence_no', like])
      )
    }
    const page = await query.orderBy('a.id', 'desc').paginate(q.page ?? 1, q.perPage ?? 20)
    return {
      data: page.all().map(agencyOf),
      meta: { total: page.total, page: page.currentPage, perPage: page.perPage },
    }
  }

  async agency(ctx: HttpContext) {
    const id = idParam(ctx.params.id)
    const row = id
      ? await scopedAgencies(await accessOf(ctx))
          .where('a.id', id)
          .first()
      : null
    if (!row) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    return agencyOf(row)
  }

  async storeAgency(ctx: HttpContext) {
    if (refusedUnknown(ctx, AGENCY_FIELDS)) return
    const input = await ctx.request.validateUsing(agencyValidator)
    if (input.contractTo < input.contractFrom)
      return fieldError(
        ctx,
        'contractTo',
        '合同到期日不得早于起始日',
        'The contract ends before it starts'
      )
    const user = ctx.auth.getUserOrFail()
    try {
      const [id] = await db.table('collection_agencies').insert({
        ...agencyColumns(input),
        org_id: user.orgId,
        created_by: user.id,
        created_at: dbNow(),
        updated_at: dbNow(),
      })
      await audit.record(ctx, {
        action: 'collection.agency.create',
        entityType: 'collection_agency',
        entityId: Number(id),
        after: input,
      })
      return ctx.response.status(201).send({ id: Number(id) })
    } catch (error) {
      if (isDuplicateKey(error))
        return fieldError(
          ctx,
          'licenceNo',
          '该许可证号的机构已登记',
          'An agency with this licence exists'
        )
      throw error
    }
  }

  async updateAgency(ctx: HttpContext) {
    if (refusedUnknown(ctx, AGENCY_FIELDS)) return
    const id = idParam(ctx.params.id)
    const row = id
      ? await scopedAgencies(await accessOf(ctx))
          .where('a.id', id)
          .first()
      : null
    if (!row) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    const input = await ctx.request.validateUsing(agencyValidator)
    if (input.contractTo < input.contractFrom)
      return fieldError(
        ctx,
        'contractTo',
        '合同到期日不得早于起始日',
        'The contract ends before it starts'
      )
    await db
      .from('collection_agencies')
      .where('id', row.id)
      .update({ ...agencyColumns(input), updated_at: dbNow() })
    await audit.record(ctx, {
      action: 'collection.agency.update',
      entityType: 'collection_agency',
      entityId: Number(row.id),
      before: agencyOf(row),
      after: input,
    })
    return agencyOf(await db.from('collection_agencies').where('id', row.id).first())
  }

  async assignments(ctx: HttpContext) {
    const q = await ctx.request.validateUsing(listValidator)
    const query = scopedTable('collection_assignments', 's', await accessOf(ctx))
      .join('collection_agencies as a', 'a.id', 's.agency_id')
      .select('s.*', 'a.name as agency_name')
    if (q.status) query.where('s.status', q.status)
    if (q.keyword) {
      const like = likeContains(q.keyword)
      query.where((w) =>
        w
          .whereRaw(LIKE, ['s.assignment_no', like])
          .orWhereRaw(LIKE, ['s.customer_name', like])
          .orWhereRaw(LIKE, ['a.name', like])
      )
    }
    const page = await query.orderBy('s.id', 'desc').paginate(q.page ?? 1, q.perPage ?? 20)
    const ids = page.all().map((r) => Number(r.id))
    const figures = await assignmentFigures(ids)
    const loans = ids.length
      ? await db.from('collection_assignment_loans').whereIn('assignment_id', ids).orderBy('id')
      : []
    return {
      data: page.all().map((r) => {
        const f = figures.get(Number(r.id))
        const recovered = Money.fromFen(f?.recovered ?? '0')
        const target = Money.fromFen(String(r.target_fen))
        return {
          id: Number(r.id),
          assignmentNo: r.assignment_no,
          agencyId: Number(r.agency_id),
          agencyName: r.agency_name,
          customerId: Number(r.customer_id),
          customerName: r.customer_name,
          loanNos: loans
            .filter((l) => Number(l.assignment_id) === Number(r.id))
            .map((l) => l.loan_no),
          periodFrom: dateText(r.period_from),
          periodTo: dateText(r.period_to),
          target: target.toYuan(),
          commissionRate: rateText(r.commission_rate),
          recovered: recovered.toYuan(),
          // 完成率 to two decimals, half-up, from fen (no float).
          completion: target.isZero() ? null : completionPercent(recovered, target),
          commissionAccrued: yuan(f?.accrued),
          commissionPaid: yuan(f?.paid),
          status: r.status,
        }
      }),
      meta: { total: page.total, page: page.currentPage, perPage: page.perPage },
    }
  }

  async storeAssignment(ctx: HttpContext) {
    if (
      refusedUnknown(ctx, [
        'agencyId',
        'customerId',
        'loanIds',
        'periodFrom',
        'periodTo',
        'target',
        'commissionRate',
      ])
    )
      return
    const access = await accessOf(ctx)
    const input = await ctx.request.validateUsing(assignmentValidator)
    if (input.periodTo < input.periodFrom)
      return fieldError(
        ctx,
        'periodTo',
        '委托到期日不得早于起始日',
        'The period ends before it starts'
      )
    const agency = await scopedAgencies(access).where('a.id', input.agencyId).first()
    if (!agency) return fieldError(ctx, 'agencyId', '委外机构不存在', 'Agency not found')
    if (agency.status !== 'active')
      return fieldError(ctx, 'agencyId', '该委外机构已停用', 'The agency is suspended')
    if (
      dateText(agency.contract_to) < input.periodTo ||
      dateText(agency.licence_expires_on) < input.periodTo
    )
      return fieldError(
        ctx,
        'periodTo',
        '委托期限超出该机构的委托合同或经营许可有效期',
        'The period runs past the agency’s contract or licence'
      )
    const customer = await bookApi.customers.byId(input.customerId, { access })
    if (!customer) return fieldError(ctx, 'customerId', '客户不存在', 'Customer not found')
    const { data: loans } = await bookApi.loans.search(
      { ids: input.loanIds, perPage: 200 },
      { access }
    )
    const wrong = input.loanIds.filter(
      (id) => !loans.some((l) => l.id === id && l.customerId === customer.id)
    )
    if (wrong.length)
      return fieldError(
        ctx,
        'loanIds',
        `借据不属于该客户：${wrong.join(', ')}`,
        `Loans not of this customer: ${wrong.join(', ')}`
      )
    // A loan is with one agency at a time: overlapping active assignments are refused.
    const busy = await db
      .from('collection_assignment_loans as l')
      .join('collection_assignments as s', 's.id', 'l.assignment_id')
      .whereIn('l.loan_id', input.loanIds)
      .where('s.status', 'active')
      .where('s.period_from', '<=', input.periodTo)
      .where('s.period_to', '>=', input.periodFrom)
      .select('l.loan_no', 's.assignment_no')
      .first()
    if (busy)
      return fieldError(
        ctx,
        'loanIds',
        `借据 ${busy.loan_no} 在该期间已委托（${busy.assignment_no}）`,
        `Loan ${busy.loan_no} is already assigned for that period (${busy.assignment_no})`
      )
    const user = ctx.auth.getUserOrFail()
    const rate = input.commissionRate ?? rateText(agency.commission_rate)
    const id = await db.transaction(async (trx) => {
      const now = dbNow()
      const [newId] = await trx.table('collection_assignments').insert({
        assignment_no: `P${Date.now()}${user.id}`.slice(0, 32),
        agency_id: agency.id,
        customer_id: customer.id,
        customer_name: customer.name,
        period_from: input.periodFrom,
        period_to: input.periodTo,
        target_fen: Money.fromYuan(input.target).toFen(),
        commission_rate: rate,
        status: 'active',
        org_id: loans[0].orgId,
        manager_id: loans[0].managerId ?? null,
        created_by: user.id,
        created_at: now,
        updated_at: now,
      })
      await trx
        .from('collection_assignments')
        .where('id', newId)
        .update({
          assignment_no: `WW${input.periodFrom.replaceAll('-', '')}${String(newId).padStart(6, '0')}`,
        })
      await trx
        .table('collection_assignment_loans')
        .multiInsert(loans.map((l) => ({ assignment_id: newId, loan_id: l.id, loan_no: l.loanNo })))
      await audit.append(ctx, {
        action: 'collection.assignment.create',
        entityType: 'collection_assignment',
        entityId: Number(newId),
        after: { ...input, commissionRate: rate },
        trx,
      })
      return Number(newId)
    })
    return ctx.response.status(201).send({ id })
  }

  private async assignmentInScope(ctx: HttpContext) {
    const id = idParam(ctx.params.id)
    return id
      ? scopedTable('collection_assignments', 's', await accessOf(ctx))
          .where('s.id', id)
          .first()
      : null
  }

  /** 归集回款: the confirmed recoveries of the assignment's loans in its period, each once. */
  async attribute(ctx: HttpContext) {
    const row = await this.assignmentInScope(ctx)
    if (!row) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    return attributeRecoveries(ctx, Number(row.id))
  }

  /** The assignment's attributed recoveries with their commissions. */
  async commissions(ctx: HttpContext) {
    const row = await this.assignmentInScope(ctx)
    if (!row) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    const rows = await db
      .from('collection_commissions')
      .where('assignment_id', row.id)
      .orderBy('posted_on')
      .orderBy('id')
    return rows.map((c) => ({
      id: Number(c.id),
      txnNo: c.txn_no,
      postedOn: dateText(c.posted_on),
      recovered: yuan(c.recovered_fen),
      commissionRate: rateText(c.commission_rate),
      commission: yuan(c.commission_fen),
      status: c.status,
      expenseRef: c.expense_ref,
    }))
  }

  /** 支付佣金: the accrued commissions as one expense through the expenses plugin. */
  async pay(ctx: HttpContext) {
    if (refusedUnknown(ctx, [])) return
    const row = await this.assignmentInScope(ctx)
    if (!row) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    // A refusal (PayError, or expenses' ExpenseError as one) is answered by the exception handler.
    return payCommissions(ctx, await accessOf(ctx), Number(row.id))
  }
}
