/* 智能预警 over HTTP. */
import type { WarningAdapter } from '../contracts.js'
import { esbCall } from './esb.js'

type Alert = Awaited<ReturnType<WarningAdapter['alerts']>>[number]

export const httpWarning: WarningAdapter = {
  async alerts(customerNo) {
    const rows = await esbCall<any[]>('warning', 'alerts', { customerNo })
    return rows.map((r): Alert => ({
      kind: r.kind,
      title: r.title,
      occurredOn: r.occurredOn,
      source: r.source,
      level: r.level,
    }))
  },
}
