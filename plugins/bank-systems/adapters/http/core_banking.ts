/* 核心系统 over HTTP. Postings are not here: they go through the outbox (interface `posting`). */
import type { CoreBankingAdapter } from '../contracts.js'
import { esbCall, yuan } from './esb.js'

export const httpCoreBanking: CoreBankingAdapter = {
  async loanBalance(loanNo) {
    const b = await esbCall<any>('core-banking', 'loan-balance', { loanNo })
    return {
      loanNo: b.loanNo,
      principal: yuan(b.principalFen),
      normalInterest: yuan(b.normalInterestFen),
      overdueInterest: yuan(b.overdueInterestFen),
      penaltyInterest: yuan(b.penaltyInterestFen),
      compoundInterest: yuan(b.compoundInterestFen),
      asOf: b.asOf,
    }
  },

  async recoveryTransactions(businessDate) {
    const rows = await esbCall<any[]>('core-banking', 'recovery-transactions', { businessDate })
    return rows.map((t) => ({
      txnNo: t.txnNo,
      loanNo: t.loanNo,
      customerNo: t.customerNo,
      postedOn: t.postedOn,
      principal: yuan(t.principalFen),
      interest: yuan(t.interestFen),
      penalty: yuan(t.penaltyFen),
      amount: yuan(String(BigInt(t.principalFen) + BigInt(t.interestFen) + BigInt(t.penaltyFen))),
      channel: t.channel,
      payerName: t.payerName,
      memo: t.memo ?? '',
    }))
  },
}
