/*
| What the application form offers: customers in the applicant's scope that
| have active loans, and a customer's active loans with their book figures
| and whether a plan under approval already covers them, or another
| plugin's open application holds them (credit-assets' asset claims: a
| 核销方案, a 批量转让 pool, a 转让 / 减免 / 重组 application) — shown so the
| clerk does not pick a loan only to be refused on saving.
*/
import db from '@adonisjs/lucid/services/db'
import type { UserAccess } from '#core/identity/user_access'
import { Money } from '#core/money/money'
import { blindIndex } from '#core/security/sensitive/index'
import { scopedCustomers, scopedLoans } from './plan_scope.js'
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'
import { assetClaims } from '../../credit-assets/services/asset_claims.js'
import { LIKE, likeContains, likePrefix } from '#core/db/like'

export async function searchPlanCustomers(access: UserAccess, keyword?: string) {
  const query = scopedCustomers(access)
    .leftJoin('orgs as o', 'o.id', 'c.org_id')
    .whereExists(
      db
        .from(book.loans.as('al'))
        .whereColumn('al.customer_id', 'c.id')
        .where('al.status', 'active')
    )
    .select('c.id', 'c.customer_no', 'c.name', 'c.customer_type', 'o.name as org_name')
    .orderBy('c.id')
    .limit(20)
  if (keyword) {
    // A typed % or _ matches itself (escaped by the shared LIKE helper, the same on MariaDB and SQLite).
    const like = likeContains(keyword)
    query.where((q) =>
      q
        .whereRaw(LIKE, ['c.name', like])
        .orWhereRaw(LIKE, ['c.customer_no', likePrefix(keyword)])
        .orWhere('c.id_no_hash', blindIndex(keyword))
        .orWhereExists(
          db
            .from(book.loans.as('kl'))
            .whereColumn('kl.customer_id', 'c.id')
            .whereRaw(LIKE, ['kl.loan_no', likePrefix(keyword)])
        )
    )
  }
  const rows = await query
  return rows.map((r) => ({
    id: Number(r.id),
    customerNo: r.customer_no as string,
    name: r.name as string,
    customerType: r.customer_type as string,
    orgName: (r.org_name as string) ?? null,
  }))
}

/** The customer's active loans the applicant may see, or null when the customer is out of scope. */
export async function planCustomerLoans(access: UserAccess, customerId: number) {
  const customer = await scopedCustomers(access)
    .leftJoin('orgs as o', 'o.id', 'c.org_id')
    .where('c.id', customerId)
    .select('c.id', 'c.customer_no', 'c.name', 'c.customer_type', 'o.name as org_name')
    .first()
  if (!customer) return null
  const loans = await scopedLoans(access)
    .where('l.customer_id', customerId)
    .where('l.status', 'active')
    .orderBy('l.id')
    .select(
      'l.id',
      'l.loan_no',
      'l.product',
      'l.five_class',
      'l.overdue_days',
      'l.maturity_date',
      db.raw('CAST(l.balance_fen AS CHAR) as balance_fen'),
      db.raw(
        'CAST(l.overdue_interest_fen + l.penalty_interest_fen + l.compound_interest_fen AS CHAR) as interest_fen'
      )
    )
  const pending = await db
    .from('disposal_plan_loans as pl')
    .join('disposal_plans as p', 'p.id', 'pl.plan_id')
    .whereIn(
      'pl.loan_id',
      loans.map((l) => l.id)
    )
    .where('p.status', 'pending')
    .select('pl.loan_id', 'p.plan_no')
  const busy = new Map(pending.map((r) => [Number(r.loan_id), r.plan_no as string]))
  // Another 预案's draft claim is not shown: the plan being edited holds its own loans too.
  const held = await assetClaims.holders(loans.map((l) => Number(l.id)))
  return {
    customer: {
      id: Number(customer.id),
      customerNo: customer.customer_no as string,
      name: customer.name as string,
      customerType: customer.customer_type as string,
      orgName: (customer.org_name as string) ?? null,
    },
    loans: loans.map((l) => ({
      id: Number(l.id),
      loanNo: l.loan_no as string,
      product: l.product as string,
      fiveClass: l.five_class as string,
      overdueDays: Number(l.overdue_days),
      maturityDate: l.maturity_date ? String(l.maturity_date).slice(0, 10) : null,
      balance: Money.fromFen(String(l.balance_fen)).toYuan(),
      interest: Money.fromFen(String(l.interest_fen)).toYuan(),
      pendingPlanNo: busy.get(Number(l.id)) ?? null,
      heldBy: ((h) => (h && h.holder !== 'disposal' ? h.label : null))(held.get(Number(l.id))),
    })),
  }
}
