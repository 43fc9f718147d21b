/*
| 案件 for the rest of the plugin (诉中方案, 法律文书, 台账 …): the one place that
| answers "which case is this, may this user see it". Other areas call these
| functions and never query lit_cases themselves, so the scope rule and the
| shape stay here.
|
|   import { caseInScope, caseSummary } from '../cases/case_service.js'
|   const found = await caseInScope(access, caseId) // null: missing or out of scope → 404
|   const summary = await caseSummary(caseId, { client: trx }) // no scope: after your own check
*/
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { UserAccess } from '#core/identity/user_access'
import { Money } from '#core/money/money'
import { dateText } from '#core/holidays/calendar_date'
import { scopedCases } from './case_scope.js'
import LitCase from './case_model.js'

export interface CaseSummary {
  id: number
  caseNo: string
  court: string
  judge: string | null
  cause: string | null
  procedure: string
  stage: string
  filedOn: string
  customerId: number
  customerNo: string
  customerName: string
  orgId: number
  managerId: number | null
  createdBy: number
  prePlanId: number | null
  lawyerName: string | null
  lawFirm: string | null
  /** 诉讼请求 in yuan text. */
  claimPrincipal: string
  claimInterest: string
  claimOther: string
  claimTotal: string
  recovered: string
  loans: Array<{ loanId: number; loanNo: string }>
}

const yuan = (fen: unknown) => Money.fromFen(String(fen ?? 0)).toYuan()

function summaryOf(row: Record<string, any>, loans: Array<Record<string, any>>): CaseSummary {
  const principal = Money.fromFen(String(row.claim_principal_fen))
  const interest = Money.fromFen(String(row.claim_interest_fen))
  const other = Money.fromFen(String(row.claim_other_fen))
  return {
    id: Number(row.id),
    caseNo: row.case_no,
    court: row.court,
    judge: row.judge ?? null,
    cause: row.cause ?? null,
    procedure: row.procedure,
    stage: row.stage,
    filedOn: dateText(row.filed_on),
    customerId: Number(row.customer_id),
    customerNo: row.customer_no,
    customerName: row.customer_name,
    orgId: Number(row.org_id),
    managerId: row.manager_id == null ? null : Number(row.manager_id),
    createdBy: Number(row.created_by),
    prePlanId: row.pre_plan_id == null ? null : Number(row.pre_plan_id),
    lawyerName: row.lawyer_name ?? null,
    lawFirm: row.law_firm ?? null,
    claimPrincipal: principal.toYuan(),
    claimInterest: interest.toYuan(),
    claimOther: other.toYuan(),
    claimTotal: principal.plus(interest).plus(other).toYuan(),
    recovered: yuan(row.recovered_fen),
    loans: loans.map((l) => ({ loanId: Number(l.loan_id), loanNo: l.loan_no })),
  }
}

const MONEY_COLUMNS = [
  'claim_principal_fen',
  'claim_interest_fen',
  'claim_other_fen',
  'recovered_fen',
].map((c) => db.raw(`CAST(c.${c} AS CHAR) as ${c}`))

async function loansOf(caseIds: number[], client: QueryClientContract) {
  if (!caseIds.length) return []
  return client
    .from('lit_case_loans')
    .whereIn('case_id', caseIds)
    .orderBy('id')
    .select('case_id', 'loan_id', 'loan_no')
}

/** A case the user may see, or null (missing or out of scope: answer 404). */
export async function caseInScope(access: UserAccess, caseId: number): Promise<CaseSummary | null> {
  if (!caseId) return null
  const row = await scopedCases(access)
    .where('c.id', caseId)
    .select('c.*', ...MONEY_COLUMNS)
    .first()
  if (!row) return null
  return summaryOf(row, await loansOf([caseId], db.connection()))
}

/** A case by id without a scope check (jobs, handlers, after the caller's own check). */
export async function caseSummary(
  caseId: number,
  options: { client?: QueryClientContract } = {}
): Promise<CaseSummary | null> {
  const client = options.client ?? db.connection()
  const row = await client
    .from('lit_cases as c')
    .where('c.id', caseId)
    .select('c.*', ...MONEY_COLUMNS)
    .first()
  if (!row) return null
  return summaryOf(row, await loansOf([caseId], client))
}

/** The customer's cases the user may see, newest first (客户视图, the 诉中方案 form's picker). */
export async function casesOfCustomer(access: UserAccess, customerId: number) {
  const rows = await scopedCases(access)
    .where('c.customer_id', customerId)
    .orderBy('c.id', 'desc')
    .limit(200)
    .select('c.*', ...MONEY_COLUMNS)
  const loans = await loansOf(
    rows.map((r) => Number(r.id)),
    db.connection()
  )
  return rows.map((r) =>
    summaryOf(
      r,
      loans.filter((l) => Number(l.case_id) === Number(r.id))
    )
  )
}

/** The model, locked for an update inside `trx` (the caller has checked the scope). */
export function lockCase(trx: QueryClientContract, caseId: number) {
  return LitCase.query({ client: trx }).where('id', caseId).forUpdate().first()
}
