/*
| One line of text for a risk-asset timeline event (风险资产时间轴), shared by
| the loan drawer and customer-view's portrait so both read the same:
| "次级 → 可疑", "余额 1,000.00 → 987.65", "朝阳支行 → 海淀支行", "标签 +涉诉".
*/
import { dictLabel } from '@/stores/dict'
import { currentLocale, localize } from '@/i18n'
import { fenToYuan, formatMoney } from '@/utils/money'

export interface RiskEventLike {
  eventType: string
  before: Record<string, any> | null
  after: Record<string, any> | null
}

const t = (zh: string, en: string) => localize({ zh, en }, currentLocale.value)
const arrow = (before: unknown, after: unknown) =>
  before === undefined ? String(after) : `${String(before)} → ${String(after)}`
const fiveClass = (code: unknown) => dictLabel('credit_assets_five_class', code)
const none = (value: unknown) => (value === null || value === undefined ? t('无', 'none') : value)

export function describeRiskEvent(event: RiskEventLike): string {
  const before = event.before ?? {}
  const after = event.after ?? {}
  switch (event.eventType) {
    case 'handover': {
      // Early handover events carried the balance in fen.
      const balance = after.balance ?? (after.balanceFen ? fenToYuan(after.balanceFen) : null)
      return [
        after.reason === 'classification'
          ? t('因分类移交', 'by classification')
          : t('因逾期移交', 'by overdue days'),
        after.fiveClass ? fiveClass(after.fiveClass) : null,
        after.overdueDays !== undefined ? `${t('逾期', 'overdue')} ${after.overdueDays}` : null,
        balance ? `${t('余额', 'balance')} ${formatMoney(balance)}` : null,
      ]
        .filter(Boolean)
        .join('；')
    }
    case 'classification':
      return (
        arrow(
          before.fiveClass === undefined ? undefined : fiveClass(before.fiveClass),
          fiveClass(after.fiveClass)
        ) + (after.reason ? `（${after.reason}）` : '')
      )
    case 'balance':
      return `${t('余额', 'Balance')} ${arrow(formatMoney(before.balance), formatMoney(after.balance))}`
    case 'org':
      return arrow(none(before.orgName ?? before.orgId), none(after.orgName ?? after.orgId))
    case 'manager':
      return `${t('管户人', 'Manager')} ${arrow(none(before.managerName), none(after.managerName))}`
    case 'disposal':
      // after: { method, outcomeId, cashRecovered, balanceReduced, planNo?, reversesId? }
      return [
        after.reversesId ? t(`冲正 #${after.reversesId}`, `reverses #${after.reversesId}`) : null,
        dictLabel('disposal_method', after.method),
        after.cashRecovered ? `${t('现金回收', 'cash')} ${formatMoney(after.cashRecovered)}` : null,
        after.balanceReduced
          ? `${t('压降', 'reduced')} ${formatMoney(after.balanceReduced)}`
          : null,
        after.planNo ? `${t('预案', 'plan')} ${after.planNo}` : null,
      ]
        .filter(Boolean)
        .join('；')
    case 'status':
      return (
        `${t('借据状态', 'Loan status')} ` +
        arrow(
          before.status === undefined
            ? undefined
            : dictLabel('credit_assets_loan_status', before.status),
          dictLabel('credit_assets_loan_status', after.status)
        ) +
        (after.reason ? `（${after.reason}）` : '')
      )
    case 'terms':
      // An approved restructuring (bookWriter.changeLoanTerms): the new maturity / rate, flagged.
      return [
        `${t('到期日', 'Maturity')} ${arrow(before.maturityDate, after.maturityDate)}`,
        before.rate !== after.rate
          ? `${t('利率', 'Rate')} ${arrow(before.rate, after.rate)}`
          : null,
        t('重组贷款', 'restructured'),
        after.reason ?? null,
      ]
        .filter(Boolean)
        .join('；')
    case 'tags': {
      const was: string[] = before.tags ?? []
      const now: string[] = after.tags ?? []
      const label = (code: string) => dictLabel('customer_view_tag', code)
      return [
        ...now.filter((c) => !was.includes(c)).map((c) => `+${label(c)}`),
        ...was.filter((c) => !now.includes(c)).map((c) => `−${label(c)}`),
      ].join(' ')
    }
  }
  // The customer's master data refreshed (bookWriter.changeCustomerMaster, under the caller's kind).
  if (after.customerName)
    return [
      `${t('客户名称', 'Customer name')} ${arrow(before.customerName, after.customerName)}`,
      after.reason ?? null,
    ]
      .filter(Boolean)
      .join('；')
  // A recovery confirmed with its method (bookWriter.recordRecovery, under the caller's kind).
  if (after.txnNo && after.method)
    return [
      `${t('回收', 'Recovered')} ${formatMoney(after.amount)}`,
      arrow(
        before.method === undefined
          ? undefined
          : dictLabel('credit_assets_recovery_method', before.method),
        dictLabel('credit_assets_recovery_method', after.method)
      ),
      `${t('流水', 'txn')} ${after.txnNo}`,
      after.note ?? null,
    ]
      .filter(Boolean)
      .join('；')
  return Object.entries(after)
    .map(([key, value]) => `${key}: ${arrow(before[key], value)}`)
    .join('；')
}
