/*
| 客户检索: customers in the user's data scope, filtered on the server (the
| bank has millions of customers). Each page row carries its visible loans'
| count, balance and worst class, computed for that page only.
*/
import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import type { UserAccess } from '#core/identity/user_access'
import { Money } from '#core/money/money'
import { blindIndex } from '#core/security/sensitive/index'
import { classRank, type FiveClass } from '../../credit-assets/rules/five_class.js'
import type { customerSearchValidator } from '../validators/customers.js'
import { inOrgSubtree, scopedCustomers, scopedLoans } from './customer_scope.js'
import { tagsByCustomer } from './tags.js'
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'
import { LIKE, likeContains, likePrefix } from '#core/db/like'

type SearchInput = Infer<typeof customerSearchValidator>

/** Columns the list may sort by; user input never reaches SQL any other way. */
const SORTABLE: Record<string, string> = {
  customerNo: 'c.customer_no',
  name: 'c.name',
  customerType: 'c.customer_type',
  orgName: 'o.name',
  createdAt: 'c.created_at',
}

/**
 * The ids of the customers a keyword finds: name (prefix by default, the
 * console's 包含 switch asks for a substring), customer no. prefix, exact ID
 * number (blind index) or 借据号 prefix. WHY a union joined as a derived table:
 * the OR of these over the customers (with a correlated EXISTS on the loans per
 * customer) read every customer and its loans — seconds on a 1 M-loan book,
 * long enough to queue every other request; each branch of the union reads its
 * own index range (name, customer_no, id_no_hash, loan_no) and yields a few ids.
 * Only the 包含 search scans the name index (a leading wildcard can use no range).
 */
export function keywordCustomerIds(keyword: string, match: 'prefix' | 'contains') {
  const name = match === 'contains' ? likeContains(keyword) : likePrefix(keyword)
  return db
    .from(book.customers.as('k1'))
    .select('k1.id')
    .whereRaw(LIKE, ['k1.name', name])
    .union(
      db
        .from(book.customers.as('k2'))
        .select('k2.id')
        .whereRaw(LIKE, ['k2.customer_no', likePrefix(keyword)])
    )
    .union(
      db.from(book.customers.as('k3')).select('k3.id').where('k3.id_no_hash', blindIndex(keyword))
    )
    .union(
      db
        .from(book.loans.as('k4'))
        .select('k4.customer_id as id')
        .whereRaw(LIKE, ['k4.loan_no', likePrefix(keyword)])
    )
}

export async function searchCustomers(access: UserAccess, input: SearchInput) {
  const query = scopedCustomers(access).leftJoin('orgs as o', 'o.id', 'c.org_id')
  if (input.keyword) {
    const { sql, bindings } = keywordCustomerIds(input.keyword, input.match ?? 'prefix').toSQL()
    query.joinRaw(`inner join (${sql}) as kw on kw.id = c.id`, bindings as any[])
  }
  if (input.orgId) await inOrgSubtree(query, 'c.org_id', input.orgId)
  if (input.customerType) query.where('c.customer_type', input.customerType)
  if (input.fiveClass) {
    const fiveClass = input.fiveClass
    query.whereExists(
      db
        .from(book.loans.as('fl'))
        .whereColumn('fl.customer_id', 'c.id')
        .where('fl.five_class', fiveClass)
        .where('fl.status', 'active')
    )
  }
  if (input.tag) {
    const tag = input.tag
    query.whereExists(
      db.from('cv_customer_tags as t').whereColumn('t.customer_id', 'c.id').where('t.tag', tag)
    )
  }
  query
    .select(
      'c.id',
      'c.customer_no',
      'c.name',
      'c.customer_type',
      'c.id_type',
      'c.id_no',
      'c.org_id',
      'c.group_name',
      'c.industry',
      'o.name as org_name'
    )
    .orderBy(SORTABLE[input.sort ?? ''] ?? 'c.id', input.order ?? (input.sort ? 'asc' : 'desc'))
  if (input.sort && SORTABLE[input.sort]) query.orderBy('c.id', 'desc')
  const result = await query.paginate(input.page ?? 1, input.perPage ?? 20)
  const rows = result.all()
  const ids = rows.map((r) => Number(r.id))
  const [loanStats, tags] = await Promise.all([loanStatsOf(access, ids), tagsByCustomer(ids)])
  return {
    data: rows.map((r) => ({
      id: r.id,
      customerNo: r.customer_no,
      name: r.name,
      customerType: r.customer_type,
      idType: r.id_type,
      idNo: r.id_no,
      orgId: r.org_id,
      orgName: r.org_name ?? null,
      groupName: r.group_name,
      industry: r.industry,
      loanCount: loanStats.get(Number(r.id))?.count ?? 0,
      balance: (loanStats.get(Number(r.id))?.balance ?? Money.zero()).toYuan(),
      worstClass: loanStats.get(Number(r.id))?.worst ?? null,
      tags: tags.get(Number(r.id)) ?? [],
    })),
    meta: { total: result.total, page: result.currentPage, perPage: result.perPage },
  }
}

async function loanStatsOf(access: UserAccess, customerIds: number[]) {
  const out = new Map<number, { count: number; balance: Money; worst: FiveClass | null }>()
  if (!customerIds.length) return out
  const rows = await scopedLoans(access, customerIds)
    .where('l.status', 'active')
    .groupBy('l.customer_id', 'l.five_class')
    .select(
      'l.customer_id',
      'l.five_class',
      db.raw('COUNT(*) as n'),
      db.raw('CAST(COALESCE(SUM(l.balance_fen), 0) AS CHAR) as balance')
    )
  for (const r of rows) {
    const id = Number(r.customer_id)
    const stats = out.get(id) ?? { count: 0, balance: Money.zero(), worst: null }
    stats.count += Number(r.n)
    stats.balance = stats.balance.plus(Money.fromFen(String(r.balance)))
    const cls = r.five_class as FiveClass
    try {
      if (!stats.worst || classRank(cls) > classRank(stats.worst)) stats.worst = cls
    } catch {
      // An unknown class code from a loader never decides the worst class.
    }
    out.set(id, stats)
  }
  return out
}
