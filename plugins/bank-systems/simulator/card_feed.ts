/*
| 数据中台's credit-card feed, simulated from the demo bank: every card
| overdraft account with its balance split (透支本金, 利息, 费用), the holder's
| customer number and the account's org and manager. Like the risk-loan feed,
| `override` lets a test say "the warehouse now reports this account with these
| figures" (or a new account of an existing customer) until `reset`.
*/
import type { Client } from './bank_rows.js'
import { dateText, fen } from './bank_rows.js'
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'

export interface CardFeedItem {
  accountNo: string
  cardNoMasked: string
  customerNo: string
  product: string
  creditLimitFen: string
  principalFen: string
  interestFen: string
  feeFen: string
  overdueDays: number
  fiveClass: string
  openedOn: string
  orgCode: string
  managerNo: string | null
  status: string
}

export class CardFeed {
  private overrides = new Map<string, Partial<CardFeedItem>>()

  constructor(private client: () => Client) {}

  /** A changed (or, with every field, a new) account as the warehouse reports it. */
  override(accountNo: string, change: Partial<CardFeedItem>) {
    this.overrides.set(accountNo, { ...this.overrides.get(accountNo), ...change, accountNo })
  }

  reset() {
    this.overrides.clear()
  }

  async page(after: string | null, limit: number) {
    const query = this.client()
      .from(`${book.cardAccounts.table} as a`)
      .join(`${book.customers.table} as c`, 'c.id', 'a.customer_id')
      .leftJoin('orgs as o', 'o.id', 'a.org_id')
      .leftJoin('users as u', 'u.id', 'a.manager_id')
      .orderBy('a.account_no')
      .limit(limit)
      .select(
        'a.account_no',
        'a.card_no_masked',
        'c.customer_no',
        'a.product',
        'a.overdue_days',
        'a.five_class',
        'a.opened_on',
        'a.status',
        'o.code as org_code',
        'u.username as manager_no',
        ...['credit_limit_fen', 'principal_fen', 'interest_fen', 'fee_fen'].map((c) =>
          this.client().raw(`CAST(a.${c} AS CHAR) as ${c}`)
        )
      )
    if (after !== null) query.where('a.account_no', '>', after)
    const rows = await query
    const items: CardFeedItem[] = rows.map((r: any) => ({
      accountNo: r.account_no,
      cardNoMasked: r.card_no_masked,
      customerNo: r.customer_no,
      product: r.product,
      creditLimitFen: fen(r.credit_limit_fen),
      principalFen: fen(r.principal_fen),
      interestFen: fen(r.interest_fen),
      feeFen: fen(r.fee_fen),
      overdueDays: Number(r.overdue_days),
      fiveClass: r.five_class,
      openedOn: dateText(r.opened_on),
      orgCode: r.org_code,
      managerNo: r.manager_no ?? null,
      status: r.status,
      ...this.overrides.get(r.account_no),
    }))
    const next = rows.length === limit ? rows[rows.length - 1].account_no : null
    // New accounts only the warehouse knows, on the last page (they sort anywhere; a test feed is small).
    if (next === null)
      for (const [accountNo, o] of this.overrides)
        if (!items.some((i) => i.accountNo === accountNo) && (after === null || accountNo > after))
          items.push(o as CardFeedItem)
    return { items, next }
  }
}
