/*
| The targets the home-page widgets summarise: this year's (or ?year=) targets
| of one period (default Y 全年) the user sees, at the shallowest org depth in
| view. Summing deeper rows too would count a sub-branch's result twice (it is
| already inside its branch's), so the head office sees its branches and a
| branch sees its own 总行目标. Only the orgs' general targets: a 重点系列项目
| target is part of its org's.
*/
import vine from '@vinejs/vine'
import { businessDate } from '#core/business_day/business_date'
import type { WidgetDataContext } from '#core/plugins/types'
import { PERIODS } from '../services/periods.js'
import { trackTargets } from '../services/tracking.js'

const input = vine.compile(
  vine.object({
    year: vine.number().withoutDecimals().range([2000, 2100]).optional(),
    period: vine.enum(PERIODS).optional(),
  })
)

export async function widgetTargets(ctx: WidgetDataContext) {
  const query = await input.validate(ctx.query)
  const year = query.year ?? Number((await businessDate.current()).slice(0, 4))
  const period = query.period ?? 'Y'
  const rows = [
    ...(await trackTargets(ctx.access, 'head', { year, period, series: '' })).data,
    ...(await trackTargets(ctx.access, 'branch', { year, period, series: '' })).data,
  ]
  const depth = (path: string) => path.split('/').filter(Boolean).length
  const shallowest = Math.min(...rows.map((r) => depth(r.orgPath)))
  return { year, period, rows, top: rows.filter((r) => depth(r.orgPath) === shallowest) }
}
