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

  async submitBatch({ key, ...body }) {
    const r = await esbCall<any>('post-loan', 'batch-submit', body, { idempotencyKey: key })
    return { accepted: Number(r.accepted), duplicates: Number(r.duplicates) }
  },

  async batchResults(batchNo) {
    const rows = await esbCall<any[]>('post-loan', 'batch-results', { batchNo })
    return rows.map((r) => ({
      key: String(r.key),
      customerNo: String(r.customerNo),
      status: r.status === 'done' ? 'done' : 'failed',
      attempt: Number(r.attempt),
      checkedOn: r.checkedOn ?? null,
      finding: r.finding ?? null,
      conclusion: r.conclusion ?? null,
      inspector: r.inspector ?? null,
      error: r.error ?? null,
    }))
  },
}
