/*
| One reader for every kind of book record: by id, by business key, or a paged
| search, each optionally inside the caller's data scope. Loan children
| (guarantees, collaterals, repayments) are scoped through their loan, so a
| loan the caller would get 404 on shows none of its children either.
*/
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { UserAccess } from '#core/identity/user_access'
import { applyDataScope } from '#core/identity/data_scope'
import { blindIndex } from '#core/security/sensitive/index'
import { bookLookups } from '../book_lookups.js'
import { fenText } from '../money_sql.js'
import type { BookEntity } from './entities.js'

export interface BookReadOptions {
  /** The caller's access: only records in their data scope are returned. Omitted: no scope (system jobs). */
  access?: UserAccess
  /** Read inside this transaction (or connection). */
  client?: QueryClientContract
}

export interface BookSearch {
  /** Prefix of the business number / contains the name (LIKE input escaped); a risk asset
   *  matches by its loan's number or its customer's name or number. */
  keyword?: string
  ids?: number[]
  loanIds?: number[]
  customerId?: number
  orgId?: number
  status?: string
  fiveClass?: string
  page?: number
  perPage?: number
}

export interface BookPage<T> {
  data: T[]
  meta: { total: number; page: number; perPage: number }
}

const MAX_PER_PAGE = 200
const A = 'b'
/** `!` escapes LIKE wildcards the same way on MariaDB and SQLite. */
const escapeLike = (text: string) => text.replace(/[!%_]/g, (c) => `!${c}`)

function baseQuery<T>(entity: BookEntity<T>, options: BookReadOptions) {
  const client = options.client ?? db
  const columns = entity.lookup.columns as readonly string[]
  const query = client
    .from(entity.lookup.as(A))
    .select(
      ...columns.map((c) => (entity.money.includes(c) ? fenText(`${A}.${c}`, c) : `${A}.${c}`))
    )
  if (options.access) {
    if (entity.scopedBy === 'self') {
      applyDataScope(query, options.access, entity.lookup.scopeOf(A))
    } else {
      const loans = bookLookups.loans
      const scoped = applyDataScope(
        client.from(loans.as('sl')).select('sl.id'),
        options.access,
        loans.scopeOf('sl')
      )
      query.whereIn(`${A}.loan_id`, scoped)
    }
  }
  return query
}

const ordered = <T>(entity: BookEntity<T>, query: any) => {
  for (const column of entity.order) query.orderBy(`${A}.${column}`)
  return query
}

const positiveIds = (values: unknown[]) =>
  [...new Set(values.map(Number))].filter((v) => Number.isSafeInteger(v) && v > 0)

export function bookReader<T>(entity: BookEntity<T>) {
  const has = (column: string) => (entity.lookup.columns as readonly string[]).includes(column)

  async function byId(id: number, options: BookReadOptions = {}): Promise<T | null> {
    if (!positiveIds([id]).length) return null
    const row = await baseQuery(entity, options).where(`${A}.id`, id).first()
    return row ? entity.toPlain(row) : null
  }

  /** Records by business key (loan numbers, customer numbers, or loan ids for loan children). */
  async function byKeys(keys: (string | number)[], options: BookReadOptions = {}): Promise<T[]> {
    const clean = [...new Set(keys.map(String))].filter((k) => k.length > 0)
    if (!clean.length) return []
    const rows: any[] = []
    for (let i = 0; i < clean.length; i += 1000) {
      const chunk = clean.slice(i, i + 1000)
      rows.push(
        ...(await ordered(entity, baseQuery(entity, options).whereIn(`${A}.${entity.key}`, chunk)))
      )
    }
    return rows.map(entity.toPlain)
  }

  async function search(
    filters: BookSearch = {},
    options: BookReadOptions = {}
  ): Promise<BookPage<T>> {
    const page = Math.max(1, Math.trunc(filters.page ?? 1))
    const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Math.trunc(filters.perPage ?? 20)))
    const query = baseQuery(entity, options)
    if (filters.ids) query.whereIn(`${A}.id`, positiveIds(filters.ids))
    if (filters.loanIds && has('loan_id'))
      query.whereIn(`${A}.loan_id`, positiveIds(filters.loanIds))
    if (filters.loanIds && !has('loan_id') && entity.lookup.name === 'loans')
      query.whereIn(`${A}.id`, positiveIds(filters.loanIds))
    if (filters.customerId !== undefined)
      query.where(`${A}.${has('customer_id') ? 'customer_id' : 'id'}`, filters.customerId)
    if (filters.orgId !== undefined && has('org_id')) query.where(`${A}.org_id`, filters.orgId)
    if (filters.status && has('status')) query.where(`${A}.status`, filters.status)
    if (filters.fiveClass && has('five_class')) query.where(`${A}.five_class`, filters.fiveClass)
    const keyword = filters.keyword?.trim()
    if (keyword) {
      const text = escapeLike(keyword)
      query.where((q) => {
        for (const c of entity.keyword.prefix)
          q.orWhereRaw(`${A}.${c} LIKE ? ESCAPE '!'`, [`${text}%`])
        for (const c of entity.keyword.contains)
          q.orWhereRaw(`${A}.${c} LIKE ? ESCAPE '!'`, [`%${text}%`])
        for (const c of entity.keyword.exact ?? []) q.orWhere(`${A}.${c}_hash`, blindIndex(keyword))
        entity.keywordVia?.(q, A, text)
        if (!entity.keyword.prefix.length && !entity.keyword.contains.length && !entity.keywordVia)
          q.whereRaw('1 = 0')
      })
    }
    const [{ total }] = await query.clone().clearSelect().clearOrder().count('* as total')
    const rows = await ordered(entity, query)
      .offset((page - 1) * perPage)
      .limit(perPage)
    return { data: rows.map(entity.toPlain), meta: { total: Number(total), page, perPage } }
  }

  return { byId, byKeys, search }
}
