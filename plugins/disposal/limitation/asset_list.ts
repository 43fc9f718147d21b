/*
| 风险资产时效一览: managed (and written-off) risk assets with their main period
| (诉讼时效, or 申请执行时效 after a judgment), through the data scope of the
| permission in use. Sort keys come from a whitelist.
*/
import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import { applyDataScope } from '#core/identity/data_scope'
import type { UserAccess } from '#core/identity/user_access'
import { dateText } from '#core/holidays/calendar_date'
import { Money } from '#core/money/money'
import { LIKE, likeContains } from '#core/db/like'
import type { limitationListValidator } from '../validators/limitation.js'
import { calendarFor, computeLoans, DATES_TABLE, EVENTS_TABLE } from './limitation_service.js'
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'

const SORTS: Record<string, string> = {
  endDate: 'COALESCE(enf.end_date, lit.end_date)',
  loanNo: 'l.loan_no',
  overdueDays: 'l.overdue_days',
  balance: 'l.balance_fen',
}

/** The loans the caller's data scope shows (alias `l`). */
export const scopedLoans = (access: UserAccess) =>
  applyDataScope(db.from(book.loans.as('l')), access, book.loans.scopeOf('l'))

export async function listAssets(access: UserAccess, q: Infer<typeof limitationListValidator>) {
  const query = scopedLoans(access)
    .join(book.riskAssets.as('ra'), 'ra.loan_id', 'l.id')
    .join(book.customers.as('c'), 'c.id', 'l.customer_id')
    .leftJoin('orgs as o', 'o.id', 'l.org_id')
    .leftJoin(`${DATES_TABLE} as lit`, (j) =>
      j.on('lit.loan_id', 'l.id').andOnVal('lit.period_key', 'litigation')
    )
    .leftJoin(`${DATES_TABLE} as enf`, (j) =>
      j.on('enf.loan_id', 'l.id').andOnVal('enf.period_key', 'enforcement')
    )
    // Written-off loans stay (账销案存): their claim, and its limitation, go on.
    .where((w) => w.where('ra.status', 'managed').orWhere('l.status', 'written_off'))
    .select(
      'l.id',
      'l.loan_no',
      'l.customer_id',
      'c.name as customer_name',
      'o.name as org_name',
      'l.overdue_days',
      'l.maturity_date',
      db.raw('CAST(l.balance_fen AS CHAR) as balance_text'),
      'lit.end_date as litigation_end',
      'lit.status as litigation_status',
      'enf.end_date as enforcement_end',
      'enf.status as enforcement_status',
      'lit.computed_on',
      db.raw(
        `(SELECT COUNT(*) FROM ${EVENTS_TABLE} e WHERE e.loan_id = l.id AND e.legal_review = 'pending') as review_pending`
      )
    )
  if (q.keyword) {
    const like = likeContains(q.keyword)
    query.where((w) => w.whereRaw(LIKE, ['l.loan_no', like]).orWhereRaw(LIKE, ['c.name', like]))
  }
  if (q.status === 'uncomputed') query.whereNull('lit.id')
  else if (q.status) query.whereRaw('COALESCE(enf.status, lit.status) = ?', [q.status])
  if (q.endBefore) query.whereRaw('COALESCE(enf.end_date, lit.end_date) <= ?', [q.endBefore])
  if (q.reviewPending)
    query.whereExists((e) =>
      e
        .from(`${EVENTS_TABLE} as e2`)
        .whereColumn('e2.loan_id', 'l.id')
        .where('e2.legal_review', 'pending')
    )
  const sort = SORTS[q.sort ?? 'endDate']
  // Not-yet-computed rows last in either direction (MariaDB and SQLite put NULLs first).
  query.orderByRaw(`(${sort} IS NULL) asc, ${sort} ${q.order === 'desc' ? 'desc' : 'asc'}`)
  query.orderBy('l.id')
  const page = await query.paginate(q.page ?? 1, q.perPage ?? 20)
  const date = (v: unknown) => (v ? dateText(v) : null)
  // Rows the daily step has not reached yet (new risk assets, a fresh demo) are
  // computed live for display, so no row shows blank dates; `computedOn` stays null.
  const live = new Map(
    (
      await computeLoans(
        page
          .all()
          .filter((r) => !r.computed_on)
          .map((r) => Number(r.id))
      )
    ).map((l) => [l.loanId, l.periods])
  )
  const periodOf = (id: number, key: string) => live.get(id)?.find((p) => p.key === key)
  // The main end date's year without an imported arrangement: the date is rolled over
  // weekends only; the row says so (the drawer lists every period concerned).
  const calendar = await calendarFor()
  const unchecked = (end: string | null) =>
    end !== null && !calendar.hasCalendar(Number(end.slice(0, 4)))
  return {
    data: page
      .all()
      .map((r) => ({
        loanId: Number(r.id),
        loanNo: r.loan_no,
        customerId: Number(r.customer_id),
        customerName: r.customer_name,
        orgName: r.org_name,
        overdueDays: Number(r.overdue_days),
        balance: Money.fromFen(String(r.balance_text)).toYuan(),
        dueDate: date(r.maturity_date),
        litigationEnd: date(r.litigation_end) ?? periodOf(r.id, 'litigation')?.end ?? null,
        litigationStatus: r.litigation_status ?? periodOf(r.id, 'litigation')?.status ?? null,
        enforcementEnd: date(r.enforcement_end) ?? periodOf(r.id, 'enforcement')?.end ?? null,
        enforcementStatus: r.enforcement_status ?? periodOf(r.id, 'enforcement')?.status ?? null,
        computedOn: date(r.computed_on),
        reviewPending: Number(r.review_pending),
      }))
      .map((row) => ({
        ...row,
        calendarMissing: unchecked(row.enforcementEnd ?? row.litigationEnd),
      })),
    meta: { total: page.total, page: page.currentPage, perPage: page.perPage },
  }
}
