/*
| What happens in a case after it is registered: 进展 (which also moves the
| case's stage), 开庭, 裁判文书 and 财产保全. Each change is scoped (the case must
| be in the user's scope, else 404), validated against the case's facts (no
| judgment before filing, no preservation longer than the law allows), audited,
| shown on the customer's timeline, and re-derives the case's deadlines — in one
| transaction.
*/
import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { audit } from '#core/audit/audit'
import type { UserAccess } from '#core/identity/user_access'
import { Money } from '#core/money/money'
import { dbNow } from '#core/db/db_time'
import { businessDate } from '#core/business_day/business_date'
import { workingDays } from '#core/holidays/working_days'
import { dateText } from '#core/holidays/calendar_date'
import { CaseError } from './case_error.js'
import { caseInScope, type CaseSummary } from './case_service.js'
import { recordCaseEvent } from './case_events.js'
import { labelsOf } from './labels.js'
import { recordEnforcement, recordJudgmentEffect } from './limitation_link.js'
import { deadlineContext, syncCaseDeadlines } from '../deadlines/case_deadlines.js'
import { preservationLongestEnd } from '../deadlines/rules.js'

const fen = (yuan: string | undefined | null) => Money.fromYuan(yuan ?? '0').toFen()

type Table = 'lit_case_progress' | 'lit_hearings' | 'lit_judgments' | 'lit_preservations'

async function context(access: UserAccess, caseId: number) {
  const found = await caseInScope(access, caseId)
  if (!found) throw new CaseError(404, '案件不存在或无权访问', 'Case not found')
  const [deadlines, today] = await Promise.all([
    deadlineContext(await workingDays.calendar()),
    businessDate.current(),
  ])
  return { found, deadlines, today }
}

const notAfterToday = (date: string, today: string, field: string) => {
  if (date > today)
    throw new CaseError(
      422,
      `日期不得晚于营业日期 ${today}`,
      `The date may not be after ${today}`,
      field
    )
}
const notBeforeFiling = (date: string, found: CaseSummary, field: string) => {
  if (date < found.filedOn)
    throw new CaseError(
      422,
      `日期不得早于立案日期 ${found.filedOn}`,
      `The date may not precede the filing (${found.filedOn})`,
      field
    )
}

/** Insert a record of the case, then event, deadlines and audit, in one transaction. */
async function addRecord(
  ctx: HttpContext | null,
  access: UserAccess,
  prepared: Awaited<ReturnType<typeof context>>,
  table: Table,
  row: Record<string, unknown>,
  event: { date: string; what: string; detail?: Record<string, string> } | null,
  extra?: (trx: TransactionClientContract, id: number) => Promise<void>
) {
  const { found } = prepared
  return db.transaction(async (trx) => {
    await trx.from('lit_cases').where('id', found.id).forUpdate().first()
    const [id] = await trx.table(table).insert({ ...row, case_id: found.id, created_at: dbNow() })
    const recordId = Number(id)
    await extra?.(trx, recordId)
    if (event)
      await recordCaseEvent(trx, {
        caseNo: found.caseNo,
        customerId: found.customerId,
        loanIds: found.loans.map((l) => l.loanId),
        businessDate: event.date,
        what: event.what,
        detail: event.detail,
        operatorId: access.user.id,
      })
    await trx.from('lit_cases').where('id', found.id).update({ updated_at: dbNow() })
    await syncCaseDeadlines(trx, found.id, prepared.deadlines)
    await audit.append(ctx, {
      action: `litigation.case.${table.replace('lit_case_', '').replace('lit_', '')}.create`,
      entityType: 'lit_case',
      entityId: found.id,
      after: { id: recordId, ...row },
      trx,
    })
    return recordId
  })
}

export async function removeRecord(
  ctx: HttpContext | null,
  access: UserAccess,
  caseId: number,
  table: Exclude<Table, 'lit_case_progress'>,
  recordId: number
) {
  const prepared = await context(access, caseId)
  await db.transaction(async (trx) => {
    const row = await trx.from(table).where('id', recordId).where('case_id', caseId).first()
    if (!row) throw new CaseError(404, '记录不存在', 'Record not found')
    if (table === 'lit_preservations') {
      const renewal = await trx.from(table).where('renewed_from_id', recordId).first()
      if (renewal)
        throw new CaseError(409, '该保全已续封，请先删除续封记录', 'Delete the renewal first')
    }
    await trx.from(table).where('id', recordId).delete()
    await syncCaseDeadlines(trx, caseId, prepared.deadlines)
    await audit.append(ctx, {
      action: `litigation.case.${table.replace('lit_', '')}.delete`,
      entityType: 'lit_case',
      entityId: caseId,
      before: row,
      trx,
    })
  })
}

export interface ProgressInput {
  happenedOn: string
  stage: string
  content: string
  nextStep?: string | null
  nextDate?: string | null
}

/** 进展: the entry's stage becomes the case's stage (结案 also sets the closing date). */
export async function addProgress(
  ctx: HttpContext | null,
  access: UserAccess,
  caseId: number,
  input: ProgressInput
) {
  const prepared = await context(access, caseId)
  notAfterToday(input.happenedOn, prepared.today, 'happenedOn')
  notBeforeFiling(input.happenedOn, prepared.found, 'happenedOn')
  if (input.nextDate && input.nextDate < input.happenedOn)
    throw new CaseError(422, '下一步日期不得早于发生日期', 'Next date before the entry', 'nextDate')
  const stageName = await labelsOf('litigation_case_stage')
  return addRecord(
    ctx,
    access,
    prepared,
    'lit_case_progress',
    {
      happened_on: input.happenedOn,
      stage: input.stage,
      content: input.content,
      next_step: input.nextStep ?? null,
      next_date: input.nextDate ?? null,
      created_by: access.user.id,
    },
    { date: input.happenedOn, what: `${stageName(input.stage)}：${input.content.slice(0, 100)}` },
    async (trx) => {
      await trx
        .from('lit_cases')
        .where('id', caseId)
        .update({
          stage: input.stage,
          closed_on: input.stage === 'closed' ? input.happenedOn : null,
        })
      // 申请执行 interrupts the 申请执行时效 (only once a judgment has started it).
      if (input.stage === 'execution' && prepared.found.stage !== 'execution')
        await recordEnforcement(trx, {
          caseId,
          caseNo: prepared.found.caseNo,
          loanIds: prepared.found.loans.map((l) => l.loanId),
          operatorId: access.user.id,
          access,
          ctx,
          date: input.happenedOn,
        })
    }
  )
}

export interface HearingInput {
  hearingOn: string
  hearingTime?: string | null
  kind: string
  place?: string | null
  remark?: string | null
}

export async function addHearing(
  ctx: HttpContext | null,
  access: UserAccess,
  caseId: number,
  input: HearingInput
) {
  const prepared = await context(access, caseId)
  notBeforeFiling(input.hearingOn, prepared.found, 'hearingOn')
  const kindName = await labelsOf('litigation_hearing_kind')
  return addRecord(
    ctx,
    access,
    prepared,
    'lit_hearings',
    {
      hearing_on: input.hearingOn,
      hearing_time: input.hearingTime ?? null,
      kind: input.kind,
      place: input.place ?? null,
      remark: input.remark ?? null,
    },
    {
      date: prepared.today,
      what: `${kindName(input.kind)}定于 ${input.hearingOn}${input.hearingTime ? ` ${input.hearingTime}` : ''}`,
    }
  )
}

export interface JudgmentInput {
  kind: string
  documentNo?: string | null
  decidedOn: string
  servedOn?: string | null
  principalAwarded: string
  interestAwarded?: string
  otherAwarded?: string
  performanceDeadline?: string | null
  summary?: string | null
}

/**
 * 裁判文书. A judgment with its performance deadline starts the 申请执行 period:
 * recorded with disposal's limitation service (limitation_link.ts) and as the
 * case's own deadline; service of a judgment or ruling starts the 上诉期.
 */
export async function addJudgment(
  ctx: HttpContext | null,
  access: UserAccess,
  caseId: number,
  input: JudgmentInput
) {
  const prepared = await context(access, caseId)
  notAfterToday(input.decidedOn, prepared.today, 'decidedOn')
  notBeforeFiling(input.decidedOn, prepared.found, 'decidedOn')
  if (input.servedOn) {
    notAfterToday(input.servedOn, prepared.today, 'servedOn')
    if (input.servedOn < input.decidedOn)
      throw new CaseError(422, '送达日期不得早于裁判日期', 'Served before decided', 'servedOn')
  }
  if (input.performanceDeadline && input.performanceDeadline < input.decidedOn)
    throw new CaseError(
      422,
      '履行期限届满日不得早于裁判日期',
      'The performance deadline may not precede the decision',
      'performanceDeadline'
    )
  const kindName = await labelsOf('litigation_judgment_kind')
  const awarded = Money.fromFen(
    String(fen(input.principalAwarded) + fen(input.interestAwarded) + fen(input.otherAwarded))
  )
  return addRecord(
    ctx,
    access,
    prepared,
    'lit_judgments',
    {
      kind: input.kind,
      document_no: input.documentNo ?? null,
      decided_on: input.decidedOn,
      served_on: input.servedOn ?? null,
      principal_awarded_fen: fen(input.principalAwarded),
      interest_awarded_fen: fen(input.interestAwarded),
      other_awarded_fen: fen(input.otherAwarded),
      performance_deadline: input.performanceDeadline ?? null,
      summary: input.summary ?? null,
    },
    {
      date: input.decidedOn,
      what: `${kindName(input.kind)}${input.documentNo ? ` ${input.documentNo}` : ''}`,
      detail: {
        判决金额: awarded.toYuan(),
        ...(input.performanceDeadline ? { 履行期限: input.performanceDeadline } : {}),
      },
    },
    async (trx, judgmentId) => {
      if (input.performanceDeadline)
        await recordJudgmentEffect(trx, {
          caseId,
          caseNo: prepared.found.caseNo,
          loanIds: prepared.found.loans.map((l) => l.loanId),
          operatorId: access.user.id,
          access,
          ctx,
          judgmentId,
          documentNo: input.documentNo ?? null,
          date: input.decidedOn,
          performanceDeadline: input.performanceDeadline,
        })
    }
  )
}

export interface PreservationInput {
  kind: string
  target: string
  amount: string
  rulingNo?: string | null
  startOn: string
  endOn?: string | null
  renewedFromId?: number | null
  remark?: string | null
}

/** 财产保全 or its 续封 (renewedFromId): the term is at most what §485 allows from the start. */
export async function addPreservation(
  ctx: HttpContext | null,
  access: UserAccess,
  caseId: number,
  input: PreservationInput
) {
  const prepared = await context(access, caseId)
  notAfterToday(input.startOn, prepared.today, 'startOn')
  const longest = preservationLongestEnd(input.kind, input.startOn)
  const endOn = input.endOn ?? longest
  if (endOn <= input.startOn)
    throw new CaseError(422, '保全到期日须晚于起始日', 'The end must follow the start', 'endOn')
  if (endOn > longest)
    throw new CaseError(
      422,
      `保全期限超过法定最长期限（至 ${longest}，《民诉法解释》第四百八十五条）`,
      `Longer than the law allows (until ${longest})`,
      'endOn'
    )
  if (input.renewedFromId) {
    const old = await db
      .from('lit_preservations')
      .where('id', input.renewedFromId)
      .where('case_id', caseId)
      .first()
    if (!old || old.kind !== input.kind)
      throw new CaseError(
        422,
        '续封须对应本案同类保全措施',
        'Renew a measure of this case',
        'renewedFromId'
      )
    if (await db.from('lit_preservations').where('renewed_from_id', input.renewedFromId).first())
      throw new CaseError(409, '该保全已续封', 'Already renewed', 'renewedFromId')
    if (input.startOn > dateText(old.end_on))
      throw new CaseError(
        422,
        '续封须在原保全到期前办理，已到期的保全只能重新申请',
        'A renewal starts before the old measure ends',
        'startOn'
      )
  }
  const kindName = await labelsOf('litigation_preservation_kind')
  return addRecord(
    ctx,
    access,
    prepared,
    'lit_preservations',
    {
      kind: input.kind,
      target: input.target,
      amount_fen: fen(input.amount),
      ruling_no: input.rulingNo ?? null,
      start_on: input.startOn,
      end_on: endOn,
      renewed_from_id: input.renewedFromId ?? null,
      remark: input.remark ?? null,
    },
    {
      date: input.startOn,
      what: `${input.renewedFromId ? '续封' : '财产保全'}：${kindName(input.kind)} ${input.target.slice(0, 60)}`,
      detail: { 期限: `${input.startOn} 至 ${endOn}` },
    }
  )
}
