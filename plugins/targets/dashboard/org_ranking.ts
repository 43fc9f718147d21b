/*
| 机构完成金额排名: the orgs the user sees ranked by amount recovered (清收
| 完成金额) in the period, with their 清收 target and rate. The head office
| ranks its branches; a branch (one org at the top of its view) ranks its
| sub-branches.
*/
import type { WidgetDataHandler } from '#core/plugins/types'
import { Money } from '#core/money/money'
import { widgetTargets } from './widget_targets.js'

const handler: WidgetDataHandler = async (ctx) => {
  const { year, period, rows, top } = await widgetTargets(ctx)
  const recovery = (list: typeof rows) => list.filter((r) => r.kind === 'recovery')
  let ranked = recovery(top)
  if (ranked.length === 1) {
    // One org on top (a branch's own target): rank the orgs right under it instead.
    const parent = ranked[0].orgPath
    const children = recovery(rows).filter(
      (r) =>
        r.orgPath.startsWith(parent) && r.orgPath.split('/').length === parent.split('/').length + 1
    )
    if (children.length) ranked = children
  }
  const ordered = [...ranked].sort(
    (a, b) => Money.fromYuan(b.actual).compare(Money.fromYuan(a.actual)) || a.orgId - b.orgId
  )
  return {
    year,
    period,
    rows: ordered.map((r, index) => ({
      rank: index + 1,
      orgId: r.orgId,
      orgName: r.orgName,
      target: r.target,
      actual: r.actual,
      rate: r.rate,
    })),
  }
}

export default handler
