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
  async dailyAlerts(businessDate) {
    const rows = await esbCall<any[]>('warning', 'daily-alerts', { businessDate })
    return rows.map((r) => ({
      alertNo: String(r.alertNo),
      customerNo: String(r.customerNo),
      kind: r.kind,
      title: String(r.title ?? ''),
      occurredOn: String(r.occurredOn),
      source: String(r.source ?? ''),
      level: r.level,
      detail: r.detail && typeof r.detail === 'object' ? r.detail : {},
    }))
  },
}
