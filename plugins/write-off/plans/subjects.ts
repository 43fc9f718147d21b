/*
| Write-off subjects — loans (借据) and credit-card overdraft accounts — read from
| credit-assets' book through book_api, in the caller's data scope when one is
| given: a subject out of scope is as missing (404). Amounts leave as fen text.
*/
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { UserAccess } from '#core/identity/user_access'
import { Money } from '#core/money/money'
import { bookApi } from '../../credit-assets/services/book_api.js'

export type SubjectKind = 'loan' | 'card'

export interface SubjectRef {
  kind: SubjectKind
  id: number
}

export interface Subject {
  kind: SubjectKind
  id: number
  /** 借据号 or 卡账户号. */
  no: string
  customerId: number
  customerName: string
  orgId: number
  managerId: number | null
  status: string
  overdueDays: number
  fiveClass: string
  /** Fen text: 本金 / 透支本金, 表内利息 / 卡利息, 表外利息, 费用. */
  principalFen: string
  onBalanceInterestFen: string
  offBalanceInterestFen: string
  feeFen: string
}

export const subjectKey = (s: SubjectRef) => `${s.kind}:${s.id}`
const fen = (yuan: string) => Money.fromYuan(yuan).toFen()

interface ReadOptions {
  access?: UserAccess
  client?: QueryClientContract
}

async function allPages<T>(ids: number[], read: (chunk: number[]) => Promise<{ data: T[] }>) {
  const out: T[] = []
  for (let i = 0; i < ids.length; i += 200) out.push(...(await read(ids.slice(i, i + 200))).data)
  return out
}

/** The subjects found (in scope), keyed `kind:id`; missing ones are simply absent. */
export async function readSubjects(refs: SubjectRef[], options: ReadOptions = {}) {
  const ids = (kind: SubjectKind) => [
    ...new Set(refs.filter((r) => r.kind === kind).map((r) => r.id)),
  ]
  const search = { perPage: 200 }
  const loans = await allPages(ids('loan'), (chunk) =>
    bookApi.loans.search({ ...search, ids: chunk }, options)
  )
  const cards = await allPages(ids('card'), (chunk) =>
    bookApi.cardAccounts.search({ ...search, ids: chunk }, options)
  )
  const customerIds = [...new Set([...loans, ...cards].map((s) => s.customerId))]
  // Names only: the subject's scope already decided what the caller may see.
  const customers = await allPages(customerIds, (chunk) =>
    bookApi.customers.search({ ...search, ids: chunk }, { client: options.client })
  )
  const nameOf = new Map(customers.map((c) => [c.id, c.name]))
  const found = new Map<string, Subject>()
  for (const l of loans)
    found.set(`loan:${l.id}`, {
      kind: 'loan',
      id: l.id,
      no: l.loanNo,
      customerId: l.customerId,
      customerName: nameOf.get(l.customerId) ?? '',
      orgId: l.orgId,
      managerId: l.managerId,
      status: l.status,
      overdueDays: l.overdueDays,
      fiveClass: l.fiveClass,
      principalFen: fen(l.balance),
      onBalanceInterestFen: fen(l.onBalanceInterest),
      offBalanceInterestFen: fen(l.offBalanceInterest),
      feeFen: '0',
    })
  for (const c of cards)
    found.set(`card:${c.id}`, {
      kind: 'card',
      id: c.id,
      no: c.accountNo,
      customerId: c.customerId,
      customerName: nameOf.get(c.customerId) ?? '',
      orgId: c.orgId,
      managerId: c.managerId,
      status: c.status,
      overdueDays: c.overdueDays,
      fiveClass: c.fiveClass,
      principalFen: fen(c.principal),
      onBalanceInterestFen: fen(c.interest),
      offBalanceInterestFen: '0',
      feeFen: fen(c.fee),
    })
  return found
}

/** Total of a subject's write-off amounts (fen text). */
export const subjectTotalFen = (
  s: Pick<Subject, 'principalFen' | 'onBalanceInterestFen' | 'offBalanceInterestFen' | 'feeFen'>
) =>
  String(
    BigInt(s.principalFen) +
      BigInt(s.onBalanceInterestFen) +
      BigInt(s.offBalanceInterestFen) +
      BigInt(s.feeFen)
  )
