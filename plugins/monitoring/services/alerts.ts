/*
| A customer's alerts (客户视图 panel) and the one action on them: a 新增诉讼
| the bank filed, confirmed by a manager, becomes a lawsuit event on the
| customer's risk-asset loans through disposal's public limitation service
| (the suit interrupts the limitation period from its filing date). Both reach
| the customer through credit-assets' book service with the caller's scope,
| so an out-of-scope customer or alert is a 404.
*/
import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import type { UserAccess } from '#core/identity/user_access'
import { dbNow } from '#core/db/db_time'
import { bookApi, type BookCustomer } from '../../credit-assets/services/book_api.js'
import { BilingualRuleError } from '#core/plugins/bilingual_rule_error'
import { LimitationError, recordLawsuit } from '../../disposal/services/limitation_api.js'
import { ALERTS } from './pull_alerts.js'

/** A refusal in both languages: a RuleError the exception handler answers (422 under its field). */
export class MonitoringError extends BilingualRuleError {
  constructor(status: 404 | 409 | 422 | 503, zh: string, en: string, field?: string) {
    super(status, 'monitoring.refused', { zh, en }, field, 'monitoring')
    this.message = zh
  }

  /** disposal's refusal met while recording the lawsuit, answered as this plugin's own. */
  static from(error: LimitationError) {
    return new MonitoringError(error.status, error.zh, error.en, error.field)
  }
}

const dateText = (value: unknown) =>
  value instanceof Date
    ? new Date(value.getTime() - value.getTimezoneOffset() * 60_000).toISOString().slice(0, 10)
    : String(value).slice(0, 10)

export function alertRow(r: any) {
  return {
    id: Number(r.id),
    alertNo: r.alert_no as string,
    customerId: Number(r.customer_id),
    kind: r.kind as string,
    title: r.title as string,
    level: r.level as string,
    source: r.source as string,
    occurredOn: dateText(r.occurred_on),
    detail: JSON.parse(r.detail || '{}') as Record<string, unknown>,
    effect: r.effect as string,
    limitationStatus: (r.limitation_status as string | null) ?? null,
    notified: Number(r.notified),
  }
}

export async function scopedCustomer(access: UserAccess, id: number): Promise<BookCustomer> {
  const customer =
    Number.isSafeInteger(id) && id > 0 ? await bookApi.customers.byId(id, { access }) : null
  if (!customer) throw new MonitoringError(404, '客户不存在或无权访问', 'No such customer')
  return customer
}

export async function customerAlerts(access: UserAccess, customerId: number) {
  const customer = await scopedCustomer(access, customerId)
  const rows = await db
    .from(ALERTS)
    .where('customer_id', customer.id)
    .orderBy('occurred_on', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
  return rows.map(alertRow)
}

export async function confirmLawsuit(
  access: UserAccess,
  ctx: HttpContext,
  customerId: number,
  alertId: number
) {
  const customer = await scopedCustomer(access, customerId)
  const alert = await db.from(ALERTS).where('id', alertId).where('customer_id', customer.id).first()
  if (!alert) throw new MonitoringError(404, '预警不存在或无权访问', 'No such alert')
  const row = alertRow(alert)
  if (row.effect !== 'lawsuit')
    throw new MonitoringError(422, '该预警不影响时效', 'This alert does not move a deadline', 'id')
  if (row.limitationStatus === 'recorded')
    throw new MonitoringError(409, '该预警已登记时效', 'Already recorded')
  const loans = await bookApi.riskAssets.search(
    { customerId: customer.id, status: 'managed', perPage: 200 },
    { access }
  )
  const loanIds = loans.data.map((r) => r.loanId)
  if (!loanIds.length)
    throw new MonitoringError(
      422,
      '该客户没有在管的风险资产借据',
      'The customer has no risk-asset loans under management',
      'id'
    )
  return db.transaction(async (trx) => {
    const events = await recordLawsuit(trx, {
      loanIds,
      date: String(row.detail.filedOn),
      proofRef: String(row.detail.caseNo),
      source: { plugin: 'monitoring', kind: 'alert', id: row.id, label: String(row.detail.caseNo) },
      operatorId: access.user.id,
      remark: `智能预警 ${row.alertNo}：${row.title}`,
      access,
      ctx,
    }).catch((error) => {
      throw error instanceof LimitationError ? MonitoringError.from(error) : error
    })
    await trx.from(ALERTS).where('id', row.id).update({
      limitation_status: 'recorded',
      limitation_by: access.user.id,
      limitation_at: dbNow(),
    })
    return { alert: { ...row, limitationStatus: 'recorded' }, events }
  })
}
