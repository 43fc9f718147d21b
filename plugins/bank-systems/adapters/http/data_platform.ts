/* 数据中台 over HTTP. */
import type { DataPlatformAdapter, PlatformCardAccount, PlatformRiskLoan } from '../contracts.js'
import { esbCall, yuan } from './esb.js'

const reasonOf = (value: unknown) =>
  value === 'classification' ? ('classification' as const) : ('overdue' as const)

export const httpDataPlatform: DataPlatformAdapter = {
  async handovers(businessDate) {
    const rows = await esbCall<any[]>('data-platform', 'handovers', { businessDate })
    return rows.map((r) => ({
      loanNo: r.loanNo,
      reason: reasonOf(r.reason),
      handedOverOn: r.handedOverOn,
    }))
  },

  async riskLoans(businessDate, page) {
    // A page read changes nothing: keyed, so the connector may retry it (a long feed
    // should not fail on one dropped connection).
    const data = await esbCall<{ items: any[]; next: string | null }>(
      'data-platform',
      'risk-loans',
      { businessDate, after: page.after, limit: page.limit },
      { idempotencyKey: `risk-loans:${businessDate}:${page.after ?? ''}:${page.limit}` }
    )
    return {
      items: data.items.map((r): PlatformRiskLoan => ({
        loanNo: String(r.loanNo),
        reason: reasonOf(r.reason),
        handedOverOn: String(r.handedOverOn),
        fiveClass: r.fiveClass,
        balance: yuan(r.balanceFen),
        overdueDays: Number(r.overdueDays),
        orgCode: String(r.orgCode),
        managerNo: r.managerNo ?? null,
      })),
      next: data.next ?? null,
    }
  },

  async cardAccounts(businessDate, page) {
    const data = await esbCall<{ items: any[]; next: string | null }>(
      'data-platform',
      'card-accounts',
      { businessDate, after: page.after, limit: page.limit },
      { idempotencyKey: `card-accounts:${businessDate}:${page.after ?? ''}:${page.limit}` }
    )
    return {
      items: data.items.map((r): PlatformCardAccount => ({
        accountNo: String(r.accountNo),
        cardNoMasked: String(r.cardNoMasked),
        customerNo: String(r.customerNo),
        product: String(r.product),
        creditLimit: yuan(r.creditLimitFen),
        principal: yuan(r.principalFen),
        interest: yuan(r.interestFen),
        fee: yuan(r.feeFen),
        overdueDays: Number(r.overdueDays),
        fiveClass: r.fiveClass,
        openedOn: String(r.openedOn),
        orgCode: String(r.orgCode),
        managerNo: r.managerNo ?? null,
        status: String(r.status),
      })),
      next: data.next ?? null,
    }
  },
}
