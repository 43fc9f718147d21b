/*
| 计划完成情况: target against what is done, per kind (压降, 清收), summed over
| the shallowest orgs the user sees (dashboard/widget_targets.ts).
*/
import { Money } from '#core/money/money'
import type { WidgetDataHandler } from '#core/plugins/types'
import { completionRate } from '../services/completion.js'
import { KINDS } from '../services/periods.js'
import { widgetTargets } from './widget_targets.js'

const handler: WidgetDataHandler = async (ctx) => {
  const { year, period, top } = await widgetTargets(ctx)
  const kinds = KINDS.map((kind) => {
    const rows = top.filter((r) => r.kind === kind)
    const target = Money.sum(rows.map((r) => Money.fromYuan(r.target)))
    const actual = Money.sum(rows.map((r) => Money.fromYuan(r.actual)))
    return {
      kind,
      orgs: rows.length,
      target: target.toYuan(),
      actual: actual.toYuan(),
      rate: completionRate(actual, target),
    }
  })
  return { year, period, kinds }
}

export default handler
