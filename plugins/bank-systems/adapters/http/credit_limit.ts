/* 统一授信 over HTTP. */
import type { CreditLimitAdapter } from '../contracts.js'
import { esbCall, yuan } from './esb.js'

export const httpCreditLimit: CreditLimitAdapter = {
  async creditLines(customerNo) {
    const rows = await esbCall<any[]>('credit-limit', 'credit-lines', { customerNo })
    return rows.map((r) => ({
      lender: r.lender,
      product: r.product,
      limit: yuan(r.limitFen),
      used: yuan(r.usedFen),
      expiresOn: r.expiresOn,
      insideBank: Boolean(r.insideBank),
    }))
  },
}
