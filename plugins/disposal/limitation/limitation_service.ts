/*
| 时效管理 service: loads a loan's due date, guarantees and events, runs the pure
| calculator, stores the derived dates (disposal_limitation_dates) and feeds the
| reminder engine. `limitationFor` is the documented read other parts of the
| plugin use (the 动态司法流程报告 PDF): dates, the rule behind each, and events.
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { applyDataScope } from '#core/identity/data_scope'
import type { UserAccess } from '#core/identity/user_access'
import { businessDate } from '#core/business_day/business_date'
import { dateText } from '#core/holidays/calendar_date'
import type { WorkCalendar } from '#core/holidays/working_days'
import { dbNow } from '#core/db/db_time'
import { computeLimitation } from './calculator.js'
import { loadRules } from './rule_store.js'
import { reminderOffsets, syncReminders, type ReminderPeriod } from './reminders.js'
import type { EventAssessment, EventType, RuleSet } from './types.js'
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'
import {
  calendarFor,
  DATES_TABLE,
  EVENTS_TABLE,
  loadCases,
  present,
  type EventSource,
  type LoanLimitation,
} from './load_cases.js'

export {
  calendarFor,
  DATES_TABLE,
  EVENTS_TABLE,
  type EventSource,
  type LimitationEventRow,
  type LoanLimitation,
} from './load_cases.js'

/**
 * 时效信息 of one loan, or of every loan of a customer: dates, the rule behind
 * each, events and warnings, computed now from the current rules and calendar.
 * With `access`, only loans inside the caller's data scope are returned.
 */
export async function limitationFor(
  subject: { loanId: number } | { customerId: number },
  options: { access?: UserAccess; today?: string } = {}
): Promise<LoanLimitation[]> {
  const query = db.from(book.loans.as('l')).select('l.id').orderBy('l.id')
  if ('loanId' in subject) query.where('l.id', subject.loanId)
  else query.where('l.customer_id', subject.customerId)
  if (options.access) applyDataScope(query, options.access, book.loans.scopeOf('l'))
  return computeLoans(
    (await query).map((r) => Number(r.id)),
    options.today
  )
}

/** 时效信息 of these loans (no scope check: the caller has already applied it). */
export async function computeLoans(loanIds: number[], today?: string): Promise<LoanLimitation[]> {
  if (!loanIds.length) return []
  const [calendar, rules, asOf] = await Promise.all([
    calendarFor(),
    loadRules(),
    today ?? businessDate.current(),
  ])
  return (await loadCases(db.connection(), loanIds)).map((loaded) =>
    present(loaded, computeLimitation(loaded.case, rules, calendar, asOf), calendar)
  )
}

/**
 * Recomputes and stores the periods of these loans and keeps their reminders in
 * step. Runs inside the caller's transaction (daily step, event registration).
 * Only reminders whose date or status changed are touched, so the nightly run
 * over every risk asset does not rewrite thousands of unchanged deadlines; a
 * changed offsets parameter therefore reaches a deadline when its date next
 * changes (or at once with `refreshAll`).
 */
export async function recomputeLoans(
  trx: TransactionClientContract,
  loanIds: number[],
  today: string,
  context?: { rules: RuleSet; calendar: WorkCalendar; offsets: number[]; refreshAll?: boolean }
): Promise<number> {
  if (!loanIds.length) return 0
  const rules = context?.rules ?? (await loadRules(trx))
  const calendar = context?.calendar ?? (await calendarFor(trx))
  const offsets = context?.offsets ?? (await reminderOffsets())
  const cases = await loadCases(trx, loanIds)
  const previous = new Map<string, { end: string | null; status: string }>()
  for (const r of await trx
    .from(DATES_TABLE)
    .whereIn('loan_id', loanIds)
    .select('loan_id', 'period_key', 'end_date', 'status'))
    previous.set(`${r.loan_id}:${r.period_key}`, {
      end: r.end_date ? dateText(r.end_date) : null,
      status: r.status,
    })
  const now = dbNow()
  const rows: Record<string, unknown>[] = []
  const keep: ReminderPeriod[] = []
  const drop: string[] = []
  for (const loaded of cases) {
    const { loan } = loaded
    const outcome = computeLimitation(loaded.case, rules, calendar, today)
    const current = new Set<string>()
    for (const p of outcome.periods) {
      const subjectId = `${loan.id}:${p.key}`
      current.add(subjectId)
      rows.push({
        loan_id: loan.id,
        customer_id: loan.customer_id,
        org_id: loan.org_id,
        period_key: p.key,
        rule_code: p.ruleCode,
        base_date: p.base,
        end_date: p.end,
        status: p.status,
        note: (p.trail.at(-1) ?? '').slice(0, 500),
        computed_on: today,
        updated_at: now,
      })
      const before = previous.get(subjectId)
      const wasReminded = before?.status === 'running' && before.end !== null
      if (p.status === 'running' && p.end) {
        if (!context?.refreshAll && wasReminded && before!.end === p.end) continue
        keep.push({
          subjectId,
          title: `${loan.loan_no} ${loan.customer_name} ${p.ruleName}${p.subject ? `（${p.subject}）` : ''}届满`,
          dueDate: p.end,
          rule: `${p.ruleName}：${p.legalBasis}`.slice(0, 500),
          userIds: loan.manager_id ? [Number(loan.manager_id)] : undefined,
          orgId: Number(loan.org_id),
          link: `/p/disposal/LimitationAssets?id=${loan.id}`,
        })
      } else if (wasReminded || context?.refreshAll) drop.push(subjectId)
    }
    // Periods that vanished (a guarantee removed from the loan book, a rule switched off).
    for (const [subjectId, before] of previous)
      if (
        subjectId.startsWith(`${loan.id}:`) &&
        !current.has(subjectId) &&
        before.status === 'running'
      )
        drop.push(subjectId)
  }
  await syncReminders(keep, drop, offsets, trx)
  await trx.from(DATES_TABLE).whereIn('loan_id', loanIds).delete()
  for (let i = 0; i < rows.length; i += 500)
    await trx.table(DATES_TABLE).multiInsert(rows.slice(i, i + 500))
  return cases.length
}

/** Loans whose stored dates are no longer needed (left risk management): rows and reminders go. */
export async function forgetLoans(trx: TransactionClientContract, loanIds: number[]) {
  if (!loanIds.length) return
  const rows = await trx
    .from(DATES_TABLE)
    .whereIn('loan_id', loanIds)
    .select('loan_id', 'period_key')
  await syncReminders(
    [],
    rows.map((r) => `${r.loan_id}:${r.period_key}`),
    [],
    trx
  )
  await trx.from(DATES_TABLE).whereIn('loan_id', loanIds).delete()
}

export interface NewEvent {
  loanId: number
  customerId: number
  orgId: number
  type: EventType
  date: string
  endDate: string | null
  guaranteeId: number | null
  signed: boolean
  proofRef: string
  remark: string | null
  operatorId: number
  /** Set by another plugin's call; null for an event registered on 时效管理. */
  source?: EventSource | null
}

/** What a computation needs besides the loan: read once, before or inside the transaction. */
export interface LimitationContext {
  calendar: WorkCalendar
  rules: RuleSet
  offsets: number[]
  today: string
}

/**
 * The rules, calendar, reminder offsets and business date. Without `trx` they are
 * read through the pool — call it before opening a transaction (see calendarFor);
 * with `trx` the rules and calendar are read through it.
 */
export async function limitationContext(
  trx?: TransactionClientContract
): Promise<LimitationContext> {
  const [calendar, rules, offsets, today] = await Promise.all([
    calendarFor(trx),
    loadRules(trx ?? db.connection()),
    reminderOffsets(),
    businessDate.current(),
  ])
  return { calendar, rules, offsets, today }
}

async function eventFromSource(
  trx: TransactionClientContract,
  event: NewEvent
): Promise<number | null> {
  if (!event.source) return null
  const row = await trx
    .from(EVENTS_TABLE)
    .where({
      loan_id: event.loanId,
      event_type: event.type,
      source_plugin: event.source.plugin,
      source_kind: event.source.kind,
      source_id: event.source.id,
    })
    .select('id')
    .first()
  return row ? Number(row.id) : null
}

/**
 * Registers an event (append-only) and says what it did: interruption, waiver
 * (flagged 待法律审核), … The loan's stored dates and reminders follow in the same
 * transaction: the caller's `trx` when given (another plugin's change and the
 * event then commit or roll back together), else one of its own. Without `trx`
 * the calendar, rules and offsets are read before the transaction opens (see
 * calendarFor). An event from another plugin's record (`source`) is written once:
 * a repeated call returns the first one with `created: false` and audits nothing.
 */
export async function recordEvent(
  event: NewEvent,
  audit: (trx: TransactionClientContract, effect: EventAssessment) => Promise<void>,
  options: { trx?: TransactionClientContract; context?: LimitationContext } = {}
): Promise<EventAssessment & { created: boolean }> {
  const context = options.context ?? (await limitationContext(options.trx))
  const { calendar, rules, offsets, today } = context
  const work = async (trx: TransactionClientContract) => {
    const existing = await eventFromSource(trx, event)
    if (existing !== null) {
      const [loaded] = await loadCases(trx, [event.loanId])
      const outcome = computeLimitation(loaded.case, rules, calendar, today)
      return { ...outcome.events.find((a) => a.eventId === existing)!, created: false }
    }
    const [id] = await trx.table(EVENTS_TABLE).insert({
      loan_id: event.loanId,
      customer_id: event.customerId,
      org_id: event.orgId,
      event_type: event.type,
      event_date: event.date,
      end_date: event.endDate,
      guarantee_id: event.guaranteeId,
      signed: event.signed,
      proof_ref: event.proofRef,
      remark: event.remark,
      effect: 'none',
      operator_id: event.operatorId,
      source_plugin: event.source?.plugin ?? null,
      source_kind: event.source?.kind ?? null,
      source_id: event.source?.id ?? null,
      source_label: event.source?.label ?? null,
      created_at: dbNow(),
    })
    const [loaded] = await loadCases(trx, [event.loanId])
    const outcome = computeLimitation(loaded.case, rules, calendar, today)
    const assessment = outcome.events.find((a) => a.eventId === Number(id))!
    await trx
      .from(EVENTS_TABLE)
      .where('id', id)
      .update({
        effect: assessment.effect,
        legal_review: assessment.legalReview ? 'pending' : null,
      })
    await recomputeLoans(trx, [event.loanId], today, { rules, calendar, offsets, refreshAll: true })
    await audit(trx, assessment)
    return { ...assessment, created: true }
  }
  return options.trx ? work(options.trx) : db.transaction(work)
}
