/* 数据中台 over HTTP. */
import type { DataPlatformAdapter } from '../contracts.js'
import { esbCall } from './esb.js'

export const httpDataPlatform: DataPlatformAdapter = {
  async handovers(businessDate) {
    const rows = await esbCall<any[]>('data-platform', 'handovers', { businessDate })
    return rows.map((r) => ({
      loanNo: r.loanNo,
      reason: r.reason === 'classification' ? ('classification' as const) : ('overdue' as const),
      handedOverOn: r.handedOverOn,
    }))
  },
}
