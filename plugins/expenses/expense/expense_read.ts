/*
| Reading expenses: one query shape for the list, the record, the public
| service and the tests — the customer's name and the org through the book's
| lookups, the posting's state from the outbox message of the expense's key,
| and the loans. Plain data out: yuan text, 'YYYY-MM-DD', camelCase.
*/
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { applyDataScope } from '#core/identity/data_scope'
import type { UserAccess } from '#core/identity/user_access'
import { dateText } from '#core/holidays/calendar_date'
import { Money } from '#core/money/money'
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'

export { TABLE, LOANS_TABLE } from './tables.js'
import { TABLE, LOANS_TABLE } from './tables.js'
/** Data scope: the loans' booking org and manager (copied on the expense). */
export const SCOPE = { orgColumn: 'e.org_id', ownerColumn: 'e.manager_id' }

/** The accounting posting, as the outbox tells it. */
export type PostingState = 'none' | 'pending' | 'retrying' | 'posted' | 'failed'

export interface ExpenseSource {
  plugin: string
  kind: string
  id: string
  label: string | null
  link: string | null
}

export interface Expense {
  id: number
  expenseNo: string
  feeKind: string
  customerId: number
  customerNo: string
  customerName: string
  loans: { loanId: number; loanNo: string }[]
  orgId: number
  orgName: string | null
  managerId: number | null
  payer: string
  payee: string
  /** Yuan text, two decimals. */
  amount: string
  expenseDate: string
  status: string
  recoverable: boolean
  paidOn: string | null
  recoveredOn: string | null
  source: ExpenseSource | null
  workflowInstanceId: number | null
  posting: {
    state: PostingState
    key: string | null
    /** Core banking's posting number once acknowledged. */
    postingNo: string | null
    attempts: number
    /** Why the last delivery failed (核心系统's answer, a timeout …). */
    error: string | null
    sentAt: string | null
  }
  remark: string | null
  createdBy: number
  createdByName: string | null
  createdAt: string
  updatedAt: string
}

const bool = (v: unknown) => v === true || v === 1 || v === '1'

/** The base query (alias `e`) with everything a row shows; scope it with `scopedExpenses`. */
export function expenseQuery(client: QueryClientContract = db.connection()) {
  return client
    .from(`${TABLE} as e`)
    .join(book.customers.as('c'), 'c.id', 'e.customer_id')
    .leftJoin('orgs as o', 'o.id', 'e.org_id')
    .leftJoin('users as u', 'u.id', 'e.created_by')
    .leftJoin('outbox_messages as om', 'om.idempotency_key', 'e.posting_key')
    .select(
      'e.*',
      db.raw('CAST(e.amount_fen AS CHAR) as amount_text'),
      'c.customer_no',
      'c.name as customer_name',
      'o.name as org_name',
      'u.real_name as created_by_name',
      'om.status as posting_status',
      'om.attempts as posting_attempts',
      'om.last_error as posting_error',
      'om.ack as posting_ack',
      'om.sent_at as posting_sent_at'
    )
}

export function scopedExpenses(access: UserAccess, client?: QueryClientContract) {
  return applyDataScope(expenseQuery(client), access, SCOPE)
}

function postingOf(row: Record<string, any>): Expense['posting'] {
  const attempts = Number(row.posting_attempts ?? 0)
  if (!row.posting_key || !row.posting_status)
    return { state: 'none', key: null, postingNo: null, attempts: 0, error: null, sentAt: null }
  let postingNo: string | null = null
  if (row.posting_ack) {
    try {
      const ack = JSON.parse(row.posting_ack)
      postingNo = ack?.data?.postingNo ?? ack?.postingNo ?? null
    } catch {
      postingNo = null
    }
  }
  const state: PostingState =
    row.posting_status === 'sent'
      ? 'posted'
      : row.posting_status === 'dead'
        ? 'failed'
        : attempts > 0
          ? 'retrying'
          : 'pending'
  return {
    state,
    key: row.posting_key,
    postingNo,
    attempts,
    error: state === 'posted' ? null : (row.posting_error ?? null),
    sentAt: row.posting_sent_at ? stamp(row.posting_sent_at) : null,
  }
}

const dateOrNull = (v: unknown) => (v ? dateText(v) : null)
/** A timestamp as ISO text (MariaDB gives Date objects, SQLite text). */
const stamp = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v))

/** Rows of `expenseQuery` as plain expenses, with their loans. */
export async function present(
  rows: Record<string, any>[],
  client: QueryClientContract = db.connection()
): Promise<Expense[]> {
  const ids = rows.map((r) => Number(r.id))
  const loans = ids.length
    ? await client
        .from(`${LOANS_TABLE} as el`)
        .join(book.loans.as('l'), 'l.id', 'el.loan_id')
        .whereIn('el.expense_id', ids)
        .orderBy('el.loan_id')
        .select('el.expense_id', 'el.loan_id', 'l.loan_no')
    : []
  return rows.map((r) => ({
    id: Number(r.id),
    expenseNo: r.expense_no,
    feeKind: r.fee_kind,
    customerId: Number(r.customer_id),
    customerNo: r.customer_no,
    customerName: r.customer_name,
    loans: loans
      .filter((l) => Number(l.expense_id) === Number(r.id))
      .map((l) => ({ loanId: Number(l.loan_id), loanNo: l.loan_no })),
    orgId: Number(r.org_id),
    orgName: r.org_name ?? null,
    managerId: r.manager_id === null ? null : Number(r.manager_id),
    payer: r.payer,
    payee: r.payee,
    amount: Money.fromFen(String(r.amount_text)).toYuan(),
    expenseDate: dateText(r.expense_date),
    status: r.status,
    recoverable: bool(r.recoverable),
    paidOn: dateOrNull(r.paid_on),
    recoveredOn: dateOrNull(r.recovered_on),
    source: r.source_plugin
      ? {
          plugin: r.source_plugin,
          kind: r.source_kind,
          id: r.source_id,
          label: r.source_label ?? null,
          link: r.source_link ?? null,
        }
      : null,
    workflowInstanceId: r.workflow_instance_id === null ? null : Number(r.workflow_instance_id),
    posting: postingOf(r),
    remark: r.remark ?? null,
    createdBy: Number(r.created_by),
    createdByName: r.created_by_name ?? null,
    createdAt: stamp(r.created_at),
    updatedAt: stamp(r.updated_at),
  }))
}

/** One expense by id, in `access` when given (null: missing or out of scope → 404). */
export async function loadExpense(
  id: number,
  options: { access?: UserAccess; client?: QueryClientContract } = {}
): Promise<Expense | null> {
  if (!Number.isSafeInteger(id) || id < 1) return null
  const query = options.access
    ? scopedExpenses(options.access, options.client)
    : expenseQuery(options.client)
  const row = await query.where('e.id', id).first()
  return row ? (await present([row], options.client))[0] : null
}
