/*
| 核心系统 · 交易流水 (recovery transactions): what core banking booked on loans
| under risk-asset management on a date. From the demo bank's repayments on
| risk assets (paid on or after handover), each with a stable transaction
| number derived from the repayment, plus transactions a test or demo injects
| (POST /__sim/core-banking/transactions) — payments the book does not hold yet.
*/
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'
import { dateText, fen, type Client } from './bank_rows.js'

export interface InjectedTransaction {
  txnNo: string
  loanNo: string
  postedOn: string
  principalFen: string
  interestFen: string
  penaltyFen: string
  channel?: string
  memo?: string
}

const CHANNELS = ['柜面', '网银', '司法划扣', '第三方代付']
const DATE = /^\d{4}-\d{2}-\d{2}$/
const FEN = /^\d{1,15}$/

/** Validates one injected transaction; throws a message for a 400. */
export function parseInjected(body: any): InjectedTransaction {
  const t = body ?? {}
  if (typeof t.txnNo !== 'string' || !/^[A-Za-z0-9-]{4,40}$/.test(t.txnNo))
    throw new Error('txnNo: 4–40 letters or digits')
  if (typeof t.loanNo !== 'string' || !t.loanNo) throw new Error('loanNo required')
  if (!DATE.test(String(t.postedOn))) throw new Error('postedOn: YYYY-MM-DD')
  for (const key of ['principalFen', 'interestFen', 'penaltyFen'])
    if (!FEN.test(String(t[key] ?? '0'))) throw new Error(`${key}: whole fen`)
  return {
    txnNo: t.txnNo,
    loanNo: t.loanNo,
    postedOn: t.postedOn,
    principalFen: String(t.principalFen ?? '0'),
    interestFen: String(t.interestFen ?? '0'),
    penaltyFen: String(t.penaltyFen ?? '0'),
    channel: t.channel,
    memo: t.memo,
  }
}

export class RecoveryFeed {
  #injected: InjectedTransaction[] = []

  constructor(private client: () => Client) {}

  inject(t: InjectedTransaction) {
    this.#injected = this.#injected.filter((x) => x.txnNo !== t.txnNo)
    this.#injected.push(t)
  }

  reset() {
    this.#injected = []
  }

  async transactions(businessDate: string) {
    const client = this.client()
    const P = book.repayments.table
    const L = book.loans.table
    const R = book.riskAssets.table
    const C = book.customers.table
    const booked = await client
      .from(P)
      .join(R, `${R}.loan_id`, `${P}.loan_id`)
      .join(L, `${L}.id`, `${P}.loan_id`)
      .join(C, `${C}.id`, `${L}.customer_id`)
      .where(`${P}.paid_on`, businessDate)
      .whereRaw(`${P}.paid_on >= ${R}.entered_on`)
      .orderBy(`${P}.id`)
      .select(
        `${P}.id`,
        `${P}.paid_on`,
        `${P}.principal_fen`,
        `${P}.interest_fen`,
        `${P}.penalty_fen`,
        `${L}.loan_no`,
        `${C}.customer_no`,
        `${C}.name`
      )
    const rows = booked.map((p: any) => ({
      txnNo: `CB${businessDate.replaceAll('-', '')}${String(p.id).padStart(8, '0')}`,
      loanNo: p.loan_no,
      customerNo: p.customer_no,
      postedOn: dateText(p.paid_on),
      principalFen: fen(p.principal_fen),
      interestFen: fen(p.interest_fen),
      penaltyFen: fen(p.penalty_fen),
      channel: CHANNELS[Number(p.id) % CHANNELS.length],
      payerName: p.name,
      memo: '贷款还款',
    }))
    for (const t of this.#injected.filter((x) => x.postedOn === businessDate)) {
      const loan = await client
        .from(L)
        .join(C, `${C}.id`, `${L}.customer_id`)
        .where(`${L}.loan_no`, t.loanNo)
        .select(`${C}.customer_no`, `${C}.name`)
        .first()
      rows.push({
        txnNo: t.txnNo,
        loanNo: t.loanNo,
        customerNo: loan?.customer_no ?? '',
        postedOn: t.postedOn,
        principalFen: t.principalFen,
        interestFen: t.interestFen,
        penaltyFen: t.penaltyFen,
        channel: t.channel ?? '柜面',
        payerName: loan?.name ?? '',
        memo: t.memo ?? '贷款还款',
      })
    }
    return rows
  }
}
