/*
| 案件登记、修改、删除. The clerk picks a customer and loans in their data scope
| (book_api), the parties from the book (case_parties.ts); the 案号 is unique.
| Registering a case is "filing a suit": its loans' limitation periods are
| interrupted on the filing date through disposal's public limitation service
| (cases/limitation_link.ts), and the filing appears on the customer's timeline —
| all in the case's transaction, so nothing half-happens.
*/
import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { audit } from '#core/audit/audit'
import type { UserAccess } from '#core/identity/user_access'
import { Money } from '#core/money/money'
import { dbNow } from '#core/db/db_time'
import { businessDate, shanghaiToday } from '#core/business_day/business_date'
import { workingDays } from '#core/holidays/working_days'
import { bookApi } from '../../credit-assets/services/book_api.js'
import { CaseError } from './case_error.js'
import { parseCaseNumber } from './case_number.js'
import { resolveParties, type PartyInput } from './case_parties.js'
import { recordCaseEvent } from './case_events.js'
import { caseInScope } from './case_service.js'
import { labelsOf } from './labels.js'
import { litPlanDetail } from '../plans/plan_queries.js'
import { recordFiling } from './limitation_link.js'
import { caseHasExpenses } from './case_expenses.js'
import { deadlineContext, syncCaseDeadlines } from '../deadlines/case_deadlines.js'

export interface CaseInput {
  caseNo: string
  court: string
  judge?: string | null
  judgePhone?: string | null
  cause?: string | null
  procedure: string
  stage: string
  filedOn: string
  closedOn?: string | null
  customerId: number
  loanIds: number[]
  prePlanId?: number | null
  lawyerName?: string | null
  lawFirm?: string | null
  claimPrincipal: string
  claimInterest: string
  claimOther?: string
  acceptanceFee?: string
  preservationFee?: string
  recovered?: string
  remark?: string | null
  parties: PartyInput[]
}

const fen = (yuan: string | undefined) => Money.fromYuan(yuan ?? '0').toFen()

/** Everything a save needs, read before the transaction opens (SQLite: one connection). */
async function prepare(access: UserAccess, input: CaseInput) {
  const today = await businessDate.current()
  if (input.filedOn > today)
    throw new CaseError(
      422,
      `立案日期不得晚于营业日期 ${today}`,
      `The filing date may not be after ${today}`,
      'filedOn'
    )
  if (input.closedOn && input.closedOn < input.filedOn)
    throw new CaseError(422, '结案日期不得早于立案日期', 'Closed before filed', 'closedOn')
  const number = parseCaseNumber(input.caseNo, Number(shanghaiToday().slice(0, 4)))!
  if (number.year > Number(input.filedOn.slice(0, 4)))
    throw new CaseError(
      422,
      '案号年度不得晚于立案年度',
      'The case year is after the filing year',
      'caseNo'
    )
  const customer = await bookApi.customers.byId(input.customerId, { access })
  if (!customer)
    throw new CaseError(404, '客户不存在或无权访问', 'Customer not found', 'customerId')
  const loans = (await bookApi.loans.search({ ids: input.loanIds, perPage: 200 }, { access })).data
  if (
    loans.length !== new Set(input.loanIds).size ||
    loans.some((l) => l.customerId !== customer.id)
  )
    throw new CaseError(
      422,
      '所选借据不属于该客户或无权访问',
      'Loans not of this customer',
      'loanIds'
    )
  if (input.prePlanId) {
    // 诉前方案: an approved plan of this customer, in the user's scope.
    const plan = await litPlanDetail(access, input.prePlanId)
    if (!plan || plan.customerId !== customer.id || plan.status !== 'approved')
      throw new CaseError(
        422,
        '诉前方案须为该客户已批准的方案',
        'Link an approved pre-litigation plan of this customer',
        'prePlanId'
      )
  }
  const parties = await resolveParties(access, customer, input.loanIds, input.parties)
  const context = await deadlineContext(await workingDays.calendar())
  const stageName = await labelsOf('litigation_case_stage')
  return { customer, loans, parties, number, context, today, stageName }
}

function caseColumns(input: CaseInput, prepared: Awaited<ReturnType<typeof prepare>>) {
  return {
    case_no: input.caseNo,
    case_year: prepared.number.year,
    court_code: prepared.number.courtCode,
    case_type_code: prepared.number.typeCode,
    court: input.court,
    judge: input.judge ?? null,
    judge_phone: input.judgePhone ?? null,
    cause: input.cause ?? null,
    procedure: input.procedure,
    stage: input.stage,
    filed_on: input.filedOn,
    closed_on: input.closedOn ?? null,
    customer_id: prepared.customer.id,
    customer_no: prepared.customer.customerNo,
    customer_name: prepared.customer.name,
    org_id: prepared.customer.orgId,
    manager_id: prepared.customer.managerId,
    pre_plan_id: input.prePlanId ?? null,
    lawyer_name: input.lawyerName ?? null,
    law_firm: input.lawFirm ?? null,
    claim_principal_fen: fen(input.claimPrincipal),
    claim_interest_fen: fen(input.claimInterest),
    claim_other_fen: fen(input.claimOther),
    acceptance_fee_fen: fen(input.acceptanceFee),
    preservation_fee_fen: fen(input.preservationFee),
    recovered_fen: fen(input.recovered),
    remark: input.remark ?? null,
  }
}

async function writeChildren(
  trx: TransactionClientContract,
  caseId: number,
  prepared: Awaited<ReturnType<typeof prepare>>
) {
  await trx.from('lit_case_loans').where('case_id', caseId).delete()
  await trx
    .table('lit_case_loans')
    .multiInsert(prepared.loans.map((l) => ({ case_id: caseId, loan_id: l.id, loan_no: l.loanNo })))
  await trx.from('lit_case_parties').where('case_id', caseId).delete()
  await trx
    .table('lit_case_parties')
    .multiInsert(prepared.parties.map((p) => ({ ...p, case_id: caseId })))
}

async function assertUniqueNumber(trx: TransactionClientContract, caseNo: string, caseId?: number) {
  const query = trx.from('lit_cases').where('case_no', caseNo).select('id')
  if (caseId) query.whereNot('id', caseId)
  if (await query.first())
    throw new CaseError(422, '该案号已登记', 'This case number is already registered', 'caseNo')
}

export async function createCase(ctx: HttpContext | null, access: UserAccess, input: CaseInput) {
  const prepared = await prepare(access, input)
  return db.transaction(async (trx) => {
    await assertUniqueNumber(trx, input.caseNo)
    const now = dbNow()
    const [id] = await trx.table('lit_cases').insert({
      ...caseColumns(input, prepared),
      created_by: access.user.id,
      created_at: now,
      updated_at: now,
    })
    const caseId = Number(id)
    await writeChildren(trx, caseId, prepared)
    const loanIds = prepared.loans.map((l) => l.id)
    await recordFiling(trx, {
      caseId,
      caseNo: input.caseNo,
      loanIds,
      filedOn: input.filedOn,
      operatorId: access.user.id,
      access,
      ctx,
    })
    // The first entry of the case's history: the stage as registered (the ledger's as-of stage reads it).
    await trx.table('lit_case_progress').insert({
      case_id: caseId,
      happened_on: input.filedOn,
      stage: input.stage,
      content: `案件登记：${input.court}受理，案号${input.caseNo}`,
      next_step: null,
      next_date: null,
      created_by: access.user.id,
      created_at: now,
    })
    await recordCaseEvent(trx, {
      caseNo: input.caseNo,
      customerId: prepared.customer.id,
      loanIds,
      businessDate: input.filedOn,
      what: `立案（${input.court}）`,
      detail: {
        诉讼请求: Money.fromFen(
          String(fen(input.claimPrincipal) + fen(input.claimInterest) + fen(input.claimOther))
        ).toYuan(),
      },
      operatorId: access.user.id,
    })
    await syncCaseDeadlines(trx, caseId, prepared.context)
    await audit.append(ctx, {
      action: 'litigation.case.create',
      entityType: 'lit_case',
      entityId: caseId,
      after: { ...input },
      trx,
    })
    return caseId
  })
}

export async function updateCase(
  ctx: HttpContext | null,
  access: UserAccess,
  caseId: number,
  input: CaseInput
) {
  const before = await caseInScope(access, caseId)
  if (!before) throw new CaseError(404, '案件不存在或无权访问', 'Case not found')
  if (before.customerId !== input.customerId)
    throw new CaseError(422, '已登记案件不能更换客户', 'A case keeps its customer', 'customerId')
  const prepared = await prepare(access, input)
  await db.transaction(async (trx) => {
    await trx.from('lit_cases').where('id', caseId).forUpdate().first()
    await assertUniqueNumber(trx, input.caseNo, caseId)
    await trx
      .from('lit_cases')
      .where('id', caseId)
      .update({ ...caseColumns(input, prepared), updated_at: dbNow() })
    await writeChildren(trx, caseId, prepared)
    // A loan added to the case is sued from the filing date too (one event per loan and case).
    await recordFiling(trx, {
      caseId,
      caseNo: input.caseNo,
      loanIds: prepared.loans.map((l) => l.id),
      filedOn: input.filedOn,
      operatorId: access.user.id,
      access,
      ctx,
    })
    if (before.stage !== input.stage)
      await trx.table('lit_case_progress').insert({
        case_id: caseId,
        happened_on: prepared.today,
        stage: input.stage,
        content: `修改案件信息：诉讼阶段由${prepared.stageName(before.stage)}改为${prepared.stageName(input.stage)}`,
        next_step: null,
        next_date: null,
        created_by: access.user.id,
        created_at: dbNow(),
      })
    if (before.stage !== input.stage)
      await recordCaseEvent(trx, {
        caseNo: input.caseNo,
        customerId: before.customerId,
        loanIds: prepared.loans.map((l) => l.id),
        businessDate: prepared.today,
        what: `诉讼阶段变更：${prepared.stageName(input.stage)}`,
        operatorId: access.user.id,
      })
    await syncCaseDeadlines(trx, caseId, prepared.context)
    await audit.append(ctx, {
      action: 'litigation.case.update',
      entityType: 'lit_case',
      entityId: caseId,
      before: { ...before },
      after: { ...input },
      trx,
    })
  })
}

/** 删除: only a case registered in error — one with no judgment yet. */
export async function deleteCase(ctx: HttpContext | null, access: UserAccess, caseId: number) {
  const before = await caseInScope(access, caseId)
  if (!before) throw new CaseError(404, '案件不存在或无权访问', 'Case not found')
  if (await caseHasExpenses(caseId))
    throw new CaseError(
      409,
      '已登记费用的案件不能删除（先在费用管理中撤回）',
      'A case with expenses cannot be deleted'
    )
  const context = await deadlineContext(await workingDays.calendar())
  await db.transaction(async (trx) => {
    if (await trx.from('lit_judgments').where('case_id', caseId).first())
      throw new CaseError(
        409,
        '已有裁判文书的案件不能删除',
        'A case with a judgment cannot be deleted'
      )
    for (const table of [
      'lit_preservations',
      'lit_hearings',
      'lit_case_files',
      'lit_case_progress',
      'lit_case_parties',
      'lit_case_loans',
    ])
      await trx.from(table).where('case_id', caseId).delete()
    await trx.from('lit_cases').where('id', caseId).delete()
    await syncCaseDeadlines(trx, caseId, context)
    await audit.append(ctx, {
      action: 'litigation.case.delete',
      entityType: 'lit_case',
      entityId: caseId,
      before: { ...before },
      trx,
    })
  })
}
