/*
| 风险资产时间轴: the one place that writes `ca_risk_events`. Every change of a
| risk asset — handover, classification, balance, org, manager, the customer's
| manual tags — is one append-only row with what it was, what it became, who
| did it (null = a system feed such as the data platform) and the business
| date. Writers pass their own transaction so the event commits with the
| change it describes. Money inside before/after is yuan text ("1234.56"),
| like the API, so the timeline reads the same wherever it is shown.
|
| Other plugins (customer-view's tags) call `recordRiskEvent`; nobody inserts
| into the table directly.
*/
import { dbNow } from '#core/db/db_time'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'

/** The dictionary credit_assets_risk_event_type lists the same codes. */
export type RiskEventType =
  | 'handover'
  | 'classification'
  | 'balance'
  | 'org'
  | 'manager'
  | 'tags'
  /** A disposal carried out (written by the disposal plugin's recordDisposalOutcome). */
  | 'disposal'
  | 'status'
  /** The loan's terms changed by an approved restructuring (book_writer.changeLoanTerms). */
  | 'terms'
  /** Another plugin's kind, declared with its label in that plugin's manifest `eventKinds` (≤ 32 chars). */
  | `${string}.${string}`

export interface RiskEvent {
  type: RiskEventType
  businessDate: string
  /** Null for a customer-level event (tags belong to the customer, not one loan). */
  loanId: number | null
  customerId: number | null
  before?: Record<string, unknown> | null
  after?: Record<string, unknown> | null
  /** The user who made the change; null for the data platform's daily feed. */
  operatorId?: number | null
}

/* 8 columns a row: 2000 rows (16 000 values) stay below SQLite's 32 766 bound variables. */
const BATCH = 2000

const json = (value: Record<string, unknown> | null | undefined) =>
  value ? JSON.stringify(value) : null

export async function recordRiskEvents(client: QueryClientContract, events: RiskEvent[]) {
  if (!events.length) return
  const now = dbNow()
  const rows = events.map((e) => ({
    loan_id: e.loanId,
    customer_id: e.customerId,
    event_type: e.type,
    business_date: e.businessDate,
    before_json: json(e.before),
    after_json: json(e.after),
    operator_id: e.operatorId ?? null,
    created_at: now,
  }))
  for (let start = 0; start < rows.length; start += BATCH)
    await client.table('ca_risk_events').multiInsert(rows.slice(start, start + BATCH))
}

export function recordRiskEvent(client: QueryClientContract, event: RiskEvent) {
  return recordRiskEvents(client, [event])
}
