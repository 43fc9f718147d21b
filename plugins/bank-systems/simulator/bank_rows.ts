/* Rows of the demo bank the simulated systems read, and the small derivations they share. */
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { factsFor, type Random } from './random.js'
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'

export type Client = QueryClientContract

export const BAD_CLASSES = new Set(['substandard', 'doubtful', 'loss'])
export const fen = (value: unknown) => String(BigInt(String(value ?? 0)))
export const dateText = (value: unknown) =>
  value instanceof Date
    ? new Date(value.getTime() - value.getTimezoneOffset() * 60_000).toISOString().slice(0, 10)
    : String(value).slice(0, 10)

export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴']
export const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '军', '杰', '涛', '明']
export const personName = (r: Random) =>
  r.pick(SURNAMES) + r.pick(GIVEN) + (r.chance(0.5) ? r.pick(GIVEN) : '')

export async function customerByNo(client: Client, customerNo: string) {
  return client.from(book.customers.table).where('customer_no', customerNo).first()
}

export async function loansOf(client: Client, customerId: number) {
  return client.from(book.loans.table).where('customer_id', customerId).orderBy('id')
}

/** A customer's standing, used to scale derived facts (a bad debtor gets more alerts and visits). */
export function trouble(loans: any[]) {
  const overdue = loans.reduce((max, l) => Math.max(max, Number(l.overdue_days)), 0)
  const bad = loans.some((l) => BAD_CLASSES.has(l.five_class))
  return { overdue, bad, troubled: overdue > 0 || bad }
}

/** 法定代表人: the same person in the customer centre and the relationship graph. */
export function legalRepresentative(customer: any): string | null {
  if (customer.customer_type !== 'corporate') return null
  return personName(factsFor('legal-rep', customer.customer_no))
}
