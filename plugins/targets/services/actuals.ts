/*
| What counts as done (完成金额) for an org's whole subtree over a target
| period, from the disposal plugin's outcomes (its public service
| outcomeTotals — never its tables):
|
| - 清收 (recovery): cash recovered by every disposal completed inside the
|   period (现金清收 from repayments after handover, 诉讼执行回款, 转让价款 …).
| - 压降 (reduction): every reduction of the risk-asset balance, whatever the
|   method — cash collection (its principal part), write-off, relief,
|   transfer, debt-for-asset, restructuring …; `byMethod` keeps the split.
|
| Reversals are outcomes with negated amounts, so a corrected disposal nets
| out. The loans' booking org decides whose result it is. A 重点系列项目 target
| counts only the outcomes of the series' member customers (services/series.ts).
| One grouped query per distinct (org, period, series).
*/
import { Money } from '#core/money/money'
import { outcomeTotals } from '../../disposal/services/outcomes_api.js'
import { periodRange, type Period, type TargetKind } from './periods.js'
import { seriesCustomerIds } from './series.js'

export interface ActualKey {
  orgPath: string
  year: number
  period: Period
  /** '' (or absent) for the org's general target, else a targets_series code. */
  series?: string
}

export interface Actual {
  reduction: Money
  recovery: Money
  /** 压降 and 清收 per disposal method (disposal_method codes). */
  byMethod: Array<{ method: string; reduction: Money; recovery: Money }>
}

const keyOf = (k: ActualKey) => `${k.orgPath}|${k.year}|${k.period}|${k.series ?? ''}`

export async function actualsFor(keys: ActualKey[]): Promise<Map<string, Actual>> {
  const unique = new Map(keys.map((k) => [keyOf(k), k]))
  const result = new Map<string, Actual>()
  await Promise.all(
    [...unique.entries()].map(async ([key, k]) => {
      const { from, to } = periodRange(k.year, k.period)
      const totals = await outcomeTotals({
        orgPath: k.orgPath,
        completedFrom: from,
        completedTo: to,
        customerIds: k.series ? await seriesCustomerIds(k.series) : undefined,
      })
      result.set(key, {
        reduction: Money.fromYuan(totals.total.balanceReduced),
        recovery: Money.fromYuan(totals.total.cashRecovered),
        byMethod: totals.byMethod.map((m) => ({
          method: m.method,
          reduction: Money.fromYuan(m.balanceReduced),
          recovery: Money.fromYuan(m.cashRecovered),
        })),
      })
    })
  )
  return result
}

export const actualOf = (actuals: Map<string, Actual>, k: ActualKey, kind: TargetKind): Money =>
  actuals.get(keyOf(k))?.[kind] ?? Money.zero()
