/*
| 客户画像: the customer's facts, exposure, classification trend, loans and
| risk-asset timeline, within the user's data scope: loans through credit-assets'
| book_api, sums and the timeline through its published lookups. Sums are done by the database on BIGINT fen and read as text
| (CAST … AS CHAR), then turned into yuan strings by Money: never a float.
*/
import db from '@adonisjs/lucid/services/db'
import type { UserAccess } from '#core/identity/user_access'
import { Money } from '#core/money/money'
import { dateText } from '#core/holidays/calendar_date'
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'
import { bookApi, type BookLoan } from '../../credit-assets/services/book_api.js'
import { scopedLoans } from './customer_scope.js'
import { tagsOf } from './tags.js'

/** One customer's loans is a short list; a portrait shows at most this many (the export has them all). */
export const PORTRAIT_LOAN_LIMIT = 500
const TIMELINE_LIMIT = 200

const sumText = (expression: string, alias: string) =>
  db.raw(`CAST(COALESCE(SUM(${expression}), 0) AS CHAR) as ${alias}`)
const money = (fen: unknown) => Money.fromFen(String(fen ?? '0'))
const dateOf = (value: unknown) => (value ? dateText(value) : null)
const parseJson = (text: unknown) => (typeof text === 'string' && text ? JSON.parse(text) : null)

export function basicFacts(customer: Record<string, any>) {
  return {
    id: customer.id,
    customerNo: customer.customer_no,
    name: customer.name,
    customerType: customer.customer_type,
    idType: customer.id_type,
    idNo: customer.id_no,
    industry: customer.industry,
    region: customer.region,
    groupName: customer.group_name,
    orgId: customer.org_id,
    orgName: customer.org_name ?? null,
    managerId: customer.manager_id,
    managerName: customer.manager_name ?? null,
  }
}

/**
 * 敞口: 贷款余额 and 欠息 (表内 + 表外) of the active loans; 总敞口 is their sum.
 * 风险资产余额 is the balance of the loans under risk-asset management.
 */
export async function exposure(access: UserAccess, customerId: number) {
  const [loans, risk] = await Promise.all([
    scopedLoans(access, customerId)
      .where('l.status', 'active')
      .select(
        db.raw('COUNT(*) as loan_count'),
        sumText('l.amount_fen', 'amount'),
        sumText('l.balance_fen', 'balance'),
        sumText('l.overdue_principal_fen', 'overdue_principal'),
        sumText('l.on_balance_interest_fen', 'on_balance_interest'),
        sumText('l.off_balance_interest_fen', 'off_balance_interest'),
        sumText('l.penalty_interest_fen + l.compound_interest_fen', 'penalty_compound')
      )
      .first(),
    scopedLoans(access, customerId)
      .join(book.riskAssets.as('r'), 'r.loan_id', 'l.id')
      .where('r.status', 'managed')
      .select(db.raw('COUNT(*) as risk_count'), sumText('l.balance_fen', 'risk_balance'))
      .first(),
  ])
  const balance = money(loans.balance)
  const interest = money(loans.on_balance_interest).plus(money(loans.off_balance_interest))
  return {
    loanCount: Number(loans.loan_count),
    contractAmount: money(loans.amount).toYuan(),
    loanBalance: balance.toYuan(),
    overduePrincipal: money(loans.overdue_principal).toYuan(),
    onBalanceInterest: money(loans.on_balance_interest).toYuan(),
    offBalanceInterest: money(loans.off_balance_interest).toYuan(),
    penaltyAndCompound: money(loans.penalty_compound).toYuan(),
    totalExposure: balance.plus(interest).toYuan(),
    riskAssetCount: Number(risk.risk_count),
    riskAssetBalance: money(risk.risk_balance).toYuan(),
  }
}

/** 关联借据: every visible loan of the customer, oldest first, with its risk-asset status. */
export async function loansOf(access: UserAccess, customerId: number, limit = PORTRAIT_LOAN_LIMIT) {
  const loans: BookLoan[] = []
  for (let page = 1; loans.length < limit; page++) {
    const found = await bookApi.loans.search({ customerId, page, perPage: 200 }, { access })
    loans.push(...found.data)
    if (found.data.length < 200) break
  }
  const shown = loans.slice(0, limit)
  const ids = shown.map((l) => l.id)
  const [risks, orgs] = await Promise.all([
    bookApi.riskAssets.byKeys(ids),
    db
      .from('orgs')
      .whereIn('id', [...new Set(shown.map((l) => l.orgId))])
      .select('id', 'name'),
  ])
  const riskOf = new Map(risks.map((r) => [r.loanId, r.status]))
  const orgName = new Map(orgs.map((o) => [Number(o.id), o.name as string]))
  return shown.map((loan) => ({
    ...loan,
    orgName: orgName.get(loan.orgId) ?? null,
    riskStatus: riskOf.get(loan.id) ?? null,
  }))
}

/** 五级分类走势: each classification change of the visible loans, in date order. */
export async function classificationTrend(access: UserAccess, customerId: number) {
  const rows = await db
    .from(book.classificationHistory.as('h'))
    .join(book.loans.as('hl'), 'hl.id', 'h.loan_id')
    .whereIn('h.loan_id', scopedLoans(access, customerId).select('l.id'))
    .select(
      'h.id',
      'h.loan_id',
      'hl.loan_no',
      'h.from_class',
      'h.to_class',
      'h.changed_on',
      'h.reason'
    )
    .orderBy('h.changed_on')
    .orderBy('h.id')
  return rows.map((h) => ({
    id: h.id,
    loanId: h.loan_id,
    loanNo: h.loan_no,
    fromClass: h.from_class,
    toClass: h.to_class,
    changedOn: dateOf(h.changed_on),
    reason: h.reason,
  }))
}

/** 风险资产时间轴: the visible loans' risk events (and the customer's own), newest first, with the operator's name. */
export async function riskTimeline(access: UserAccess, customerId: number) {
  const rows = await db
    .from(book.riskEvents.as('e'))
    .leftJoin('users as u', 'u.id', 'e.operator_id')
    .leftJoin(book.loans.as('el'), 'el.id', 'e.loan_id')
    .where((q) => {
      q.whereIn('e.loan_id', scopedLoans(access, customerId).select('l.id')).orWhere((own) =>
        own.whereNull('e.loan_id').where('e.customer_id', customerId)
      )
    })
    .select(
      ...book.riskEvents.columns.map((c) => `e.${c}`),
      'u.real_name as operator_name',
      'el.loan_no'
    )
    .orderBy('e.id', 'desc')
    .limit(TIMELINE_LIMIT)
  return rows.map((e) => ({
    id: e.id,
    loanId: e.loan_id,
    loanNo: e.loan_no ?? null,
    eventType: e.event_type,
    businessDate: dateOf(e.business_date),
    before: parseJson(e.before_json),
    after: parseJson(e.after_json),
    operatorId: e.operator_id,
    operatorName: e.operator_name ?? null,
  }))
}

export async function portrait(access: UserAccess, customer: Record<string, any>) {
  const id = Number(customer.id)
  const [exp, loans, trend, timeline, tags] = await Promise.all([
    exposure(access, id),
    loansOf(access, id),
    classificationTrend(access, id),
    riskTimeline(access, id),
    tagsOf(id),
  ])
  return {
    customer: basicFacts(customer),
    exposure: exp,
    loans,
    classificationTrend: trend,
    timeline,
    tags,
  }
}
