/*
| A case's deadlines, derived from its hearings, judgments and 财产保全 by
| deadlines/rules.ts, registered with the core reminder engine and mirrored in
| lit_case_deadlines (the ledger's 下一期限 and the widget read that). Called
| after every change of a case, inside its transaction: it recomputes the whole
| set, so a corrected date moves the reminder and a deleted hearing removes it.
| The calendar is read before the transaction (SQLite: one connection).
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { deadlines } from '#core/deadlines/deadline_service'
import type { WorkCalendar } from '#core/holidays/work_calendar'
import { dateText } from '#core/holidays/calendar_date'
import { settings } from '#core/settings/settings'
import { businessDate } from '#core/business_day/business_date'
import {
  appealDays,
  appealDeadline,
  enforcementDeadline,
  preservationExpiry,
  renewalDeadline,
} from './rules.js'

export const SOURCE = 'litigation'
export const SUBJECT_TYPE = 'lit_case'
export const RENEWAL_LEAD_SETTING = 'litigation.preservation.renewalLeadDays'

export type CaseDeadlineKind =
  'hearing' | 'appeal' | 'enforcement' | 'preservation_expiry' | 'preservation_renewal'

const OFFSETS: Record<CaseDeadlineKind, number[]> = {
  hearing: [5, 1, 0],
  appeal: [5, 2, 0],
  enforcement: [60, 30, 10, 1],
  preservation_expiry: [30, 15, 5, 1],
  preservation_renewal: [10, 5, 1, 0],
}

const HEARING_NAMES: Record<string, string> = {
  trial: '开庭',
  evidence: '证据交换',
  mediation: '调解',
  hearing: '听证',
}
const PRESERVATION_NAMES: Record<string, string> = {
  bank_deposit: '冻结银行存款',
  movable: '查封、扣押动产',
  real_estate: '查封不动产',
  other_right: '冻结其他财产权',
}

export interface WantedDeadline {
  kind: CaseDeadlineKind
  refId: number
  dueDate: string
  title: string
  rule: string
}

export interface CaseFacts {
  caseNo: string
  stage: string
  hearings: Array<{ id: number; hearingOn: string; hearingTime: string | null; kind: string }>
  judgments: Array<{
    id: number
    kind: string
    servedOn: string | null
    performanceDeadline: string | null
  }>
  preservations: Array<{
    id: number
    kind: string
    target: string
    endOn: string
    renewedFromId: number | null
  }>
}

/** Every deadline the facts give (pure: the unit tests read it like the rules). */
export function wantedDeadlines(
  calendar: Pick<WorkCalendar, 'periodEnd' | 'addWorkingDays' | 'isWorkingDay'>,
  facts: CaseFacts,
  renewalLeadDays: number
): WantedDeadline[] {
  if (facts.stage === 'closed') return []
  const wanted: WantedDeadline[] = []
  for (const h of facts.hearings) {
    wanted.push({
      kind: 'hearing',
      refId: h.id,
      dueDate: h.hearingOn,
      title: `${facts.caseNo} ${HEARING_NAMES[h.kind] ?? '开庭'}${h.hearingTime ? ` ${h.hearingTime}` : ''}`,
      rule: '法院传票/开庭通知确定的日期',
    })
  }
  for (const j of facts.judgments) {
    const days = appealDays(j.kind)
    if (j.servedOn && days !== null) {
      wanted.push({
        kind: 'appeal',
        refId: j.id,
        dueDate: appealDeadline(calendar, j.kind, j.servedOn)!,
        title: `${facts.caseNo} 上诉期届满`,
        rule: `《民事诉讼法》第一百七十一条：${j.kind === 'judgment' ? '判决书' : '裁定书'}送达之日起${days}日内上诉（${j.servedOn}送达；末日遇法定休假日顺延）`,
      })
    }
    if (j.performanceDeadline) {
      wanted.push({
        kind: 'enforcement',
        refId: j.id,
        dueDate: enforcementDeadline(calendar, j.performanceDeadline),
        title: `${facts.caseNo} 申请执行期间届满`,
        rule: `《民事诉讼法》第二百五十条：申请执行的期间为二年，自法律文书规定履行期间的最后一日（${j.performanceDeadline}）起计算`,
      })
    }
  }
  const renewed = new Set(facts.preservations.map((p) => p.renewedFromId).filter(Boolean))
  for (const p of facts.preservations) {
    if (renewed.has(p.id)) continue // 已续封: the new measure carries the deadlines
    const expiry = preservationExpiry(calendar, p.endOn)
    const what = `${PRESERVATION_NAMES[p.kind] ?? '保全'}（${p.target.slice(0, 40)}）`
    wanted.push({
      kind: 'preservation_expiry',
      refId: p.id,
      dueDate: expiry,
      title: `${facts.caseNo} 财产保全到期：${what}`,
      rule: `《民诉法解释》第四百八十五条：冻结银行存款不超过一年，查封、扣押动产不超过二年，查封不动产、冻结其他财产权不超过三年；本措施至${p.endOn}`,
    })
    wanted.push({
      kind: 'preservation_renewal',
      refId: p.id,
      dueDate: renewalDeadline(calendar, expiry, renewalLeadDays),
      title: `${facts.caseNo} 申请续封：${what}`,
      rule: `保全到期（${expiry}）前${renewalLeadDays}个工作日申请续行查封、扣押、冻结（《民诉法解释》第四百八十五条）`,
    })
  }
  return wanted
}

async function loadFacts(trx: TransactionClientContract, caseId: number) {
  const row = await trx.from('lit_cases').where('id', caseId).first()
  if (!row) return null
  const [hearings, judgments, preservations] = await Promise.all([
    trx.from('lit_hearings').where('case_id', caseId).orderBy('id'),
    trx.from('lit_judgments').where('case_id', caseId).orderBy('id'),
    trx.from('lit_preservations').where('case_id', caseId).orderBy('id'),
  ])
  const d = (v: unknown) => (v == null ? null : dateText(v))
  return {
    row,
    facts: {
      caseNo: row.case_no,
      stage: row.stage,
      hearings: hearings.map((h) => ({
        id: Number(h.id),
        hearingOn: dateText(h.hearing_on),
        hearingTime: h.hearing_time ?? null,
        kind: h.kind,
      })),
      judgments: judgments.map((j) => ({
        id: Number(j.id),
        kind: j.kind,
        servedOn: d(j.served_on),
        performanceDeadline: d(j.performance_deadline),
      })),
      preservations: preservations.map((p) => ({
        id: Number(p.id),
        kind: p.kind,
        target: p.target,
        endOn: dateText(p.end_on),
        renewedFromId: p.renewed_from_id == null ? null : Number(p.renewed_from_id),
      })),
    } satisfies CaseFacts,
  }
}

/** What the sync needs from outside the transaction. */
export async function deadlineContext(calendar: WorkCalendar) {
  return {
    calendar,
    renewalLeadDays: await settings.integer(RENEWAL_LEAD_SETTING),
    today: await businessDate.current(),
  }
}

const keyOf = (caseId: number, kind: string, refId: number) => ({
  source: SOURCE,
  kind: `litigation:${kind.replace('_', '-')}`,
  subjectType: SUBJECT_TYPE,
  subjectId: `${caseId}:${refId}`,
})

/** Brings the engine and lit_case_deadlines in line with the case's facts. */
export async function syncCaseDeadlines(
  trx: TransactionClientContract,
  caseId: number,
  context: Awaited<ReturnType<typeof deadlineContext>>
) {
  const loaded = await loadFacts(trx, caseId)
  // A date already past when it is recorded (a judgment registered after its appeal period) is
  // history, not a reminder: only what is still ahead goes to the engine.
  const wanted = loaded
    ? wantedDeadlines(context.calendar, loaded.facts, context.renewalLeadDays).filter(
        (w) => w.dueDate >= context.today
      )
    : []
  const existing = await trx.from('lit_case_deadlines').where('case_id', caseId)
  for (const old of existing) {
    if (!wanted.some((w) => w.kind === old.kind && w.refId === Number(old.ref_id))) {
      await deadlines.remove(keyOf(caseId, old.kind, Number(old.ref_id)), trx)
      await trx.from('lit_case_deadlines').where('id', old.id).delete()
    }
  }
  if (!loaded) return []
  const { row } = loaded
  for (const w of wanted) {
    await deadlines.upsert(
      {
        ...keyOf(caseId, w.kind, w.refId),
        title: w.title,
        dueDate: w.dueDate,
        rule: w.rule,
        offsets: OFFSETS[w.kind],
        userIds: [Number(row.created_by)],
        orgId: Number(row.org_id),
        permission: 'litigation:case:update',
        record: { orgId: Number(row.org_id), ownerId: Number(row.created_by) },
        link: `/p/litigation/cases/CaseRegister?id=${caseId}`,
      },
      trx
    )
    const values = { due_date: w.dueDate, title: w.title.slice(0, 200), rule: w.rule.slice(0, 300) }
    const found = existing.find((e) => e.kind === w.kind && Number(e.ref_id) === w.refId)
    if (found) await trx.from('lit_case_deadlines').where('id', found.id).update(values)
    else
      await trx
        .table('lit_case_deadlines')
        .insert({ case_id: caseId, kind: w.kind, ref_id: w.refId, ...values })
  }
  return wanted
}
