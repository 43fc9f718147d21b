/*
| 考核 (assessment): per year, the weight records (one per indicator: a target
| kind, optionally of a 重点系列项目) and each org's score from its targets'
| completion (services/score.ts has the rule and its one rounding). The ranking
| covers the orgs of one level whose targets the user sees; ties share a rank.
*/
import db from '@adonisjs/lucid/services/db'
import type { UserAccess } from '#core/identity/user_access'
import { Decimal } from 'decimal.js'
import { Money, decimalText } from '#core/money/money'
import { dbNow } from '#core/db/db_time'
import type { Period, TargetLevel } from './periods.js'
import {
  assessmentScore,
  indicatorKey,
  weightSum,
  type IndicatorFigures,
  type Weight,
} from './score.js'
import { assertSeries } from './series.js'
import { TargetError } from './target_error.js'
import { trackTargets } from './tracking.js'

export const WEIGHTS = 'targets_assessment_weights'

export async function weightsOf(year: number): Promise<Weight[]> {
  const rows = await db
    .from(WEIGHTS)
    .where('year', year)
    .orderBy('kind')
    .orderBy('series')
    .select(
      'kind',
      'series',
      db.raw('CAST(weight_pct AS CHAR) as weight_pct'),
      db.raw('CAST(cap_pct AS CHAR) as cap_pct')
    )
  return rows.map((r) => ({
    kind: r.kind,
    series: r.series ?? '',
    weightPct: decimal2(r.weight_pct),
    capPct: decimal2(r.cap_pct),
  }))
}

const decimal2 = (value: string) => decimalText(String(value), 2)

/** Replaces a year's weights; they must name each indicator once and sum to 100.00. */
export async function replaceWeights(access: UserAccess, year: number, weights: Weight[]) {
  const seen = new Set<string>()
  for (const [index, w] of weights.entries()) {
    const key = indicatorKey(w.kind, w.series)
    if (seen.has(key))
      throw new TargetError(
        422,
        { zh: '同一考核指标只能设置一次权重', en: 'Each indicator takes one weight' },
        `weights.${index}.kind`
      )
    seen.add(key)
    if (w.series) await assertSeries(w.series)
  }
  const sum = weightSum(weights)
  if (sum !== '100.00')
    throw new TargetError(
      422,
      {
        zh: `权重合计须为 100%，当前为 ${sum}%`,
        en: `The weights must add up to 100%; they add up to ${sum}%`,
      },
      'weights'
    )
  const before = await weightsOf(year)
  await db.transaction(async (trx) => {
    await trx.from(WEIGHTS).where('year', year).delete()
    const now = dbNow()
    await trx.table(WEIGHTS).multiInsert(
      weights.map((w) => ({
        year,
        kind: w.kind,
        series: w.series,
        weight_pct: w.weightPct,
        cap_pct: w.capPct,
        updated_by: access.user.id,
        updated_at: now,
      }))
    )
  })
  return { before, after: await weightsOf(year) }
}

export interface RankingFilter {
  year: number
  period: Period
}

export async function assessmentRanking(
  access: UserAccess,
  level: TargetLevel,
  filter: RankingFilter
) {
  const weights = await weightsOf(filter.year)
  if (!weights.length)
    throw new TargetError(
      422,
      { zh: '该年度尚未设置考核权重', en: 'No assessment weights for this year' },
      'year'
    )
  const tracked = (await trackTargets(access, level, filter)).data
  const orgs = new Map<
    number,
    { orgId: number; orgName: string; figures: Map<string, IndicatorFigures> }
  >()
  for (const row of tracked) {
    const org = orgs.get(row.orgId) ?? {
      orgId: row.orgId,
      orgName: row.orgName,
      figures: new Map(),
    }
    org.figures.set(indicatorKey(row.kind, row.series), {
      target: Money.fromYuan(row.target),
      actual: Money.fromYuan(row.actual),
    })
    orgs.set(row.orgId, org)
  }
  const rows = [...orgs.values()].map((org) => ({
    orgId: org.orgId,
    orgName: org.orgName,
    ...assessmentScore(weights, org.figures),
    rank: 0,
  }))
  // Highest score first (exact decimal comparison), then by name for a stable order.
  rows.sort(
    (a, b) => new Decimal(b.score).comparedTo(a.score) || a.orgName.localeCompare(b.orgName)
  )
  rows.forEach((row, index) => {
    const previous = rows[index - 1]
    row.rank = previous && previous.score === row.score ? previous.rank : index + 1
  })
  return { year: filter.year, period: filter.period, weights, data: rows }
}
