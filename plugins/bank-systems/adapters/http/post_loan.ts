/* 智能贷后 over HTTP. */
import type { PostLoanAdapter } from '../contracts.js'
import { esbCall } from './esb.js'

export const httpPostLoan: PostLoanAdapter = {
  async checks(customerNo) {
    const rows = await esbCall<any[]>('post-loan', 'checks', { customerNo })
    return rows.map((r) => ({
      checkedOn: r.checkedOn,
      kind: r.kind,
      conclusion: r.conclusion,
      inspector: r.inspector,
    }))
  },
}
