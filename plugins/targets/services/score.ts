/*
| 考核得分 (assessment score) of one org, the rule in one place:
|
|   rate_i  = done_i ÷ target_i × 100            exact, not rounded
|   rate_i  = min(max(rate_i, 0), cap_i)         net reversals never go below 0
|   score   = Σ rate_i × weight_i ÷ 100          rounded ONCE, half-up, 2 decimals
|
| weight_i and cap_i are the year's weight records (percent, the weights sum to
| 100.00). An indicator the org has no target for (or a zero target) scores 0
| and is listed in `missing`. The per-indicator rates shown beside the score are
| display values (2 decimals, half-up); the score is computed from the exact ones.
*/
import { Decimal } from 'decimal.js'
import { decimalText, type Money } from '#core/money/money'

const D = Decimal.clone({ precision: 40 })

export interface Weight {
  kind: string
  series: string
  weightPct: string
  capPct: string
}

export interface IndicatorFigures {
  target: Money
  actual: Money
}

export const indicatorKey = (kind: string, series: string) => `${kind}|${series}`

export interface ScoreLine {
  kind: string
  series: string
  weightPct: string
  /** Completion rate shown (2 decimals), null when there is no target. */
  rate: string | null
  /** Points this indicator adds (2 decimals, display only). */
  points: string
}

export function assessmentScore(
  weights: Weight[],
  figures: Map<string, IndicatorFigures>
): { score: string; lines: ScoreLine[]; missing: string[] } {
  let total = new D(0)
  const lines: ScoreLine[] = []
  const missing: string[] = []
  for (const w of weights) {
    const key = indicatorKey(w.kind, w.series)
    const f = figures.get(key)
    if (!f || f.target.isZero()) {
      missing.push(key)
      lines.push({
        kind: w.kind,
        series: w.series,
        weightPct: w.weightPct,
        rate: null,
        points: '0.00',
      })
      continue
    }
    const exact = new D(f.actual.toFen()).times(100).dividedBy(f.target.toFen())
    const capped = D.min(D.max(exact, 0), new D(w.capPct))
    const points = capped.times(w.weightPct).dividedBy(100)
    total = total.plus(points)
    lines.push({
      kind: w.kind,
      series: w.series,
      weightPct: w.weightPct,
      rate: decimalText(exact.toString(), 2),
      points: decimalText(points.toString(), 2),
    })
  }
  return { score: decimalText(total.toString(), 2), lines, missing }
}

/** The weights' sum in percent (exact text, 2 decimals): a year's must be 100.00. */
export const weightSum = (weights: Array<{ weightPct: string }>) =>
  decimalText(weights.reduce((sum, w) => sum.plus(w.weightPct), new D(0)).toString(), 2)
