/*
| 每日预警拉取: one business date's alerts from 智能预警 (bank-systems' adapter,
| outside any transaction), kept for customers in our book, stored once per
| alert number. A new alert and its 消息 commit together, so an alert is told
| exactly once however often the date is pulled (schedule, a clerk, a retry).
| A 新增诉讼 the bank itself filed is marked to move the limitation period; a
| manager confirms it (services/alerts.ts) — a court record is checked by a
| person before a legal deadline changes.
*/
import db from '@adonisjs/lucid/services/db'
import { notify } from '#core/messages/notify'
import { dbNow } from '#core/db/db_time'
import { isDuplicateKey } from '#core/db/db_errors'
import { bankSystems, type DailyAlert } from '../../bank-systems/adapters/index.js'
import { bookApi } from '../../credit-assets/services/book_api.js'
import { alertRecipients } from './recipients.js'

export const ALERTS = 'monitoring_alerts'

const KIND_ZH: Record<string, string> = {
  new_lawsuit: '新增诉讼',
  executed_person: '被执行人',
  collateral_value_drop: '押品价值下降',
  equity_change: '股权变更',
}
const DATE = /^\d{4}-\d{2}-\d{2}$/

export interface PullResult {
  businessDate: string
  received: number
  added: number
  alreadyKnown: number
  unknownCustomers: number
  notified: number
}

/** 'lawsuit' when the alert is a suit the bank filed with a case number and date. */
export function effectOf(alert: DailyAlert): 'lawsuit' | 'none' {
  const d = alert.detail ?? {}
  return alert.kind === 'new_lawsuit' &&
    d.bankIsPlaintiff === true &&
    typeof d.caseNo === 'string' &&
    d.caseNo.length > 0 &&
    DATE.test(String(d.filedOn))
    ? 'lawsuit'
    : 'none'
}

export async function pullAlerts(
  businessDate: string,
  progress: (percent: number, message?: string) => Promise<void> = async () => {}
): Promise<PullResult> {
  const received = await bankSystems.warning.dailyAlerts(businessDate)
  const result: PullResult = {
    businessDate,
    received: received.length,
    added: 0,
    alreadyKnown: 0,
    unknownCustomers: 0,
    notified: 0,
  }
  await progress(10, `${received.length} 条`)
  const known = new Set(
    received.length
      ? (
          await db
            .from(ALERTS)
            .whereIn(
              'alert_no',
              received.map((a) => a.alertNo)
            )
            .select('alert_no')
        ).map((r) => r.alert_no as string)
      : []
  )
  const customers = new Map(
    (await bookApi.customers.byKeys([...new Set(received.map((a) => a.customerNo))])).map((c) => [
      c.customerNo,
      c,
    ])
  )
  for (const [index, alert] of received.entries()) {
    if (known.has(alert.alertNo)) {
      result.alreadyKnown++
      continue
    }
    const customer = customers.get(alert.customerNo)
    if (!customer) {
      result.unknownCustomers++
      continue
    }
    const effect = effectOf(alert)
    const userIds = await alertRecipients(customer)
    try {
      await db.transaction(async (trx) => {
        const [id] = await trx.table(ALERTS).insert({
          alert_no: alert.alertNo.slice(0, 64),
          customer_id: customer.id,
          customer_no: customer.customerNo,
          org_id: customer.orgId,
          manager_id: customer.managerId,
          kind: alert.kind,
          title: alert.title.slice(0, 200),
          level: alert.level,
          source: alert.source.slice(0, 100),
          occurred_on: alert.occurredOn,
          detail: JSON.stringify(alert.detail ?? {}),
          effect,
          limitation_status: effect === 'lawsuit' ? 'pending' : null,
          notified: userIds.length,
          created_at: dbNow(),
        })
        await notify(
          {
            type: 'monitoring.alert',
            userIds,
            title: `【${KIND_ZH[alert.kind] ?? alert.kind}】${customer.name}：${alert.title}`,
            body:
              effect === 'lawsuit'
                ? `${alert.occurredOn} ${alert.source}。本行起诉：打开本消息核实立案信息，确认后登记诉讼时效中断。`
                : `${alert.occurredOn} ${alert.source}`,
            link: `/p/customer-view/CustomerView?id=${customer.id}&alert=${id}`,
            data: { alertNo: alert.alertNo, customerNo: customer.customerNo, kind: alert.kind },
          },
          { trx }
        )
      })
      result.added++
      result.notified += userIds.length
    } catch (error) {
      // A concurrent pull stored it first: still one alert, told once.
      if (!isDuplicateKey(error)) throw error
      result.alreadyKnown++
    }
    if (index % 20 === 0)
      await progress(
        10 + Math.round((90 * (index + 1)) / received.length),
        `${index + 1}/${received.length}`
      )
  }
  await progress(100, `新增 ${result.added} 条`)
  return result
}
