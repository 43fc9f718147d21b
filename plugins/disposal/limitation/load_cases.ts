/*
| 时效管理's read side: a loan's due date, guarantees and events loaded from the
| book and the event table (loadCases), the calendar to compute with, and a
| computation presented as the API shows it (present). limitation_service.ts
| computes, stores and records with these.
*/
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import { dateText } from '#core/holidays/calendar_date'
import { WorkCalendar, workingDays } from '#core/holidays/working_days'
import { calendarWarnings } from './calculator.js'
import {
  EVENT_NAMES,
  type EventAssessment,
  type EventType,
  type LimitationCase,
  type LimitationOutcome,
  type Period,
} from './types.js'
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'

export const EVENTS_TABLE = 'disposal_limitation_events'
export const DATES_TABLE = 'disposal_limitation_dates'

export interface LimitationEventRow {
  id: number
  type: EventType
  typeName: string
  date: string
  endDate: string | null
  signed: boolean
  guaranteeId: number | null
  proofRef: string
  remark: string | null
  /** What the event does under today's rules (recomputed on every read). */
  effect: EventAssessment['effect']
  note: string
  /** pending 待法律审核 / reviewed, for post-expiry signatures (waivers). */
  legalReview: string | null
  reviewNote: string | null
  operatorId: number
  operatorName: string | null
  createdAt: string
  /** The other plugin's record the event came from (null: registered on 时效管理). */
  source: EventSource | null
}

export interface LoanLimitation {
  loanId: number
  loanNo: string
  customerId: number
  customerName: string
  orgId: number
  managerId: number | null
  /** 最后一期到期日 (the loan's maturity; the loan book keeps no schedule). */
  dueDate: string
  periods: Period[]
  events: LimitationEventRow[]
  warnings: string[]
  /** The earliest running end date, the one to act on first. */
  nextDeadline: { key: string; ruleName: string; end: string } | null
}

export interface LoadedCase {
  loan: Record<string, any>
  case: LimitationCase
  eventRows: Record<string, any>[]
}

const bool = (v: unknown) => v === true || v === 1 || v === '1'

/**
 * The calendar for a computation. Inside a transaction it is read through that
 * transaction: on SQLite the pool has one connection, which the transaction holds,
 * so `workingDays` (which reads through the pool) would wait for it forever.
 */
export async function calendarFor(client?: TransactionClientContract): Promise<WorkCalendar> {
  if (!client) return workingDays.calendar()
  const rows = await client.from('holiday_calendar_days').select('date', 'kind', 'name', 'year')
  return new WorkCalendar(
    rows.map((r) => ({ date: dateText(r.date), kind: r.kind, name: r.name, year: Number(r.year) }))
  )
}

/** Where an event came from when another plugin recorded it (services/limitation_api.ts). */
export interface EventSource {
  plugin: string
  kind: string
  id: string
  label: string | null
}

export async function loadCases(
  client: QueryClientContract,
  loanIds: number[]
): Promise<LoadedCase[]> {
  if (!loanIds.length) return []
  const [loans, guarantees, events] = await Promise.all([
    client
      .from(book.loans.as('l'))
      .join(book.customers.as('c'), 'c.id', 'l.customer_id')
      .whereIn('l.id', loanIds)
      .orderBy('l.id')
      .select(
        'l.id',
        'l.loan_no',
        'l.customer_id',
        'l.org_id',
        'l.manager_id',
        'l.maturity_date',
        'c.name as customer_name'
      ),
    client
      .from(book.guarantees.table)
      .whereIn('loan_id', loanIds)
      .orderBy('id')
      .select('id', 'loan_id', 'guarantee_type', 'guarantor_name'),
    client
      .from(`${EVENTS_TABLE} as e`)
      .leftJoin('users as u', 'u.id', 'e.operator_id')
      .whereIn('e.loan_id', loanIds)
      .orderBy('e.id')
      .select('e.*', 'u.real_name as operator_name'),
  ])
  return loans.map((loan) => ({
    loan,
    eventRows: events.filter((e) => e.loan_id === loan.id),
    case: {
      dueDate: dateText(loan.maturity_date),
      guarantees: guarantees
        .filter((g) => g.loan_id === loan.id)
        .map((g) => ({ id: Number(g.id), type: g.guarantee_type, name: g.guarantor_name })),
      events: events
        .filter((e) => e.loan_id === loan.id)
        .map((e) => ({
          id: Number(e.id),
          type: e.event_type,
          date: dateText(e.event_date),
          endDate: e.end_date ? dateText(e.end_date) : null,
          signed: bool(e.signed),
          guaranteeId: e.guarantee_id === null ? null : Number(e.guarantee_id),
          proofRef: e.proof_ref,
        })),
    },
  }))
}

export function present(
  loaded: LoadedCase,
  outcome: LimitationOutcome,
  calendar: WorkCalendar
): LoanLimitation {
  const { loan } = loaded
  const byId = new Map(outcome.events.map((a) => [a.eventId, a]))
  const running = outcome.periods
    .filter((p) => p.status === 'running' && p.end)
    .sort((a, b) => a.end!.localeCompare(b.end!))
  return {
    loanId: Number(loan.id),
    loanNo: loan.loan_no,
    customerId: Number(loan.customer_id),
    customerName: loan.customer_name,
    orgId: Number(loan.org_id),
    managerId: loan.manager_id === null ? null : Number(loan.manager_id),
    dueDate: loaded.case.dueDate,
    periods: outcome.periods,
    warnings: [...outcome.warnings, ...calendarWarnings(outcome.periods, calendar)],
    nextDeadline: running[0]
      ? { key: running[0].key, ruleName: running[0].ruleName, end: running[0].end! }
      : null,
    events: loaded.eventRows.map((e) => {
      const a = byId.get(Number(e.id))
      return {
        id: Number(e.id),
        type: e.event_type,
        typeName: EVENT_NAMES[e.event_type as EventType] ?? e.event_type,
        date: dateText(e.event_date),
        endDate: e.end_date ? dateText(e.end_date) : null,
        signed: bool(e.signed),
        guaranteeId: e.guarantee_id === null ? null : Number(e.guarantee_id),
        proofRef: e.proof_ref,
        remark: e.remark,
        effect: a?.effect ?? 'none',
        note: a?.note ?? '',
        legalReview: e.legal_review,
        reviewNote: e.review_note,
        operatorId: Number(e.operator_id),
        operatorName: e.operator_name ?? null,
        createdAt: String(e.created_at),
        source: e.source_plugin
          ? {
              plugin: e.source_plugin,
              kind: e.source_kind,
              id: e.source_id,
              label: e.source_label ?? null,
            }
          : null,
      }
    }),
  }
}
