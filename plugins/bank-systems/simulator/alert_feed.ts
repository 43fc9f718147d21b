/*
| 智能预警 · 每日预警 (daily alert feed): the alerts the warning system raised on
| a business date for the bank's risk-asset customers, each with a stable
| alert number, so pulling a date twice returns the same alerts. Kinds:
| new_lawsuit 新增诉讼 (with the case number, filing date and whether the bank
| is the plaintiff), executed_person 被执行人, collateral_value_drop 押品价值下降
| (values in fen), equity_change 股权变更. About 3 in 100 risk customers get one
| on a given day (seeded by customer and date); a test or demo adds its own:
|   POST /__sim/warning/alerts { alertNo?, customerNo, kind, occurredOn, title?, level?, detail? }
| Hooked into server.ts by `route` (business endpoint) and `control`.
*/
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'
import { dateText, fen, personName, type Client } from './bank_rows.js'
import { daysBefore, factsFor } from './random.js'

export const ALERT_KINDS = [
  'new_lawsuit',
  'executed_person',
  'collateral_value_drop',
  'equity_change',
] as const
type AlertKind = (typeof ALERT_KINDS)[number]

export interface FeedAlert {
  alertNo: string
  customerNo: string
  kind: AlertKind
  title: string
  occurredOn: string
  source: string
  level: 'high' | 'medium' | 'low'
  detail: Record<string, string | boolean | null>
}

const SOURCE: Record<AlertKind, string> = {
  new_lawsuit: '中国裁判文书网',
  executed_person: '中国执行信息公开网',
  collateral_value_drop: '押品管理系统',
  equity_change: '国家企业信用信息公示系统',
}
const DATE = /^\d{4}-\d{2}-\d{2}$/

interface Reply {
  status: number
  body: unknown
}
const ok = (data: unknown) => ({ status: 200, body: { retCode: '0000', retMsg: '成功', data } })

export class AlertFeed {
  #injected: FeedAlert[] = []

  constructor(private client: () => Client) {}

  reset() {
    this.#injected = []
  }

  /** Validates and keeps one injected alert; throws a message for a 400. */
  inject(body: any): FeedAlert {
    const a = body ?? {}
    if (typeof a.customerNo !== 'string' || !a.customerNo) throw new Error('customerNo required')
    if (!ALERT_KINDS.includes(a.kind)) throw new Error(`kind: one of ${ALERT_KINDS.join(', ')}`)
    if (!DATE.test(String(a.occurredOn))) throw new Error('occurredOn: YYYY-MM-DD')
    const alert: FeedAlert = {
      alertNo:
        typeof a.alertNo === 'string' && /^[A-Za-z0-9-]{4,60}$/.test(a.alertNo)
          ? a.alertNo
          : `YJ${a.occurredOn.replaceAll('-', '')}${a.customerNo}${ALERT_KINDS.indexOf(a.kind)}`,
      customerNo: a.customerNo,
      kind: a.kind,
      title: typeof a.title === 'string' && a.title ? a.title.slice(0, 200) : a.kind,
      occurredOn: a.occurredOn,
      source: SOURCE[a.kind as AlertKind],
      level: ['high', 'medium', 'low'].includes(a.level) ? a.level : 'high',
      detail: a.detail && typeof a.detail === 'object' ? a.detail : {},
    }
    this.#injected = this.#injected.filter((x) => x.alertNo !== alert.alertNo)
    this.#injected.push(alert)
    return alert
  }

  async daily(businessDate: string): Promise<FeedAlert[]> {
    const client = this.client()
    const C = book.customers.table
    const L = book.loans.table
    const R = book.riskAssets.table
    const customers = await client
      .from(C)
      .whereIn('id', client.from(L).join(R, `${R}.loan_id`, `${L}.id`).select(`${L}.customer_id`))
      .orderBy('id')
      .select('id', 'customer_no', 'name')
    const alerts: FeedAlert[] = []
    const ymd = businessDate.replaceAll('-', '')
    for (const c of customers) {
      const r = factsFor('warning-daily', `${c.customer_no}|${businessDate}`)
      if (r.int(1, 100) > 3) continue
      const kind = r.pick(ALERT_KINDS)
      const base = {
        alertNo: `YJ${ymd}${c.customer_no}${ALERT_KINDS.indexOf(kind)}`,
        customerNo: c.customer_no as string,
        kind,
        occurredOn: businessDate,
        source: SOURCE[kind],
      }
      if (kind === 'new_lawsuit') {
        const bankIsPlaintiff = r.chance(0.5)
        const caseNo = `（${businessDate.slice(0, 4)}）京${r.int(101, 119)}民初${r.int(1000, 99999)}号`
        alerts.push({
          ...base,
          title: bankIsPlaintiff
            ? `新增诉讼：本行起诉（${caseNo}）`
            : `新增诉讼：被诉（${caseNo}）`,
          level: 'high',
          detail: {
            caseNo,
            filedOn: daysBefore(businessDate, r.int(0, 5)),
            plaintiff: bankIsPlaintiff ? '本行' : `${personName(r)}等`,
            bankIsPlaintiff,
          },
        })
      } else if (kind === 'executed_person') {
        alerts.push({
          ...base,
          title: '被列为被执行人',
          level: 'high',
          detail: { court: '北京市朝阳区人民法院', amountFen: String(r.int(10, 500) * 1_000_000) },
        })
      } else if (kind === 'collateral_value_drop') {
        const collateral = await client
          .from(book.collaterals.table)
          .whereIn('loan_id', client.from(L).where('customer_id', c.id).select('id'))
          .orderBy('id')
          .first()
        if (!collateral) continue
        const before = BigInt(fen(collateral.value_fen ?? 0))
        const after = (before * BigInt(100 - r.int(10, 40))) / 100n
        alerts.push({
          ...base,
          title: `押品${collateral.collateral_ref}评估价值下降`,
          level: 'medium',
          detail: {
            collateralRef: collateral.collateral_ref,
            valuedOn: dateText(businessDate),
            valueBeforeFen: String(before),
            valueAfterFen: String(after),
          },
        })
      } else {
        alerts.push({
          ...base,
          title: '股权变更：第一大股东变更',
          level: 'medium',
          detail: { from: `${personName(r)}`, to: `${personName(r)}` },
        })
      }
    }
    return [...alerts, ...this.#injected.filter((a) => a.occurredOn === businessDate)]
  }

  /** `warning POST /alerts/daily`, or null for any other endpoint. */
  async route(system: string, method: string, path: string, body: any): Promise<Reply | null> {
    if (`${system} ${method} ${path}` !== 'warning POST /alerts/daily') return null
    if (!DATE.test(String(body?.businessDate)))
      return {
        status: 400,
        body: { retCode: '4000', retMsg: 'businessDate 格式为 YYYY-MM-DD', data: null },
      }
    return ok(await this.daily(body.businessDate))
  }

  control(method: string, path: string, body: any): Reply | null {
    if (method !== 'POST' || path !== '/__sim/warning/alerts') return null
    try {
      return { status: 200, body: this.inject(body) }
    } catch (error) {
      return { status: 400, body: { message: (error as Error).message } }
    }
  }
}
