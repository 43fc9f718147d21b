/*
| The step table of a trial: each accrual line (正常利息, 罚息, 复利, 迟延履行利息)
| grouped into runs of consecutive days with the same base and rate, each with its
| formula in words, so a clerk can redo every row on a calculator.
*/
import { fromDayNumber } from '#core/holidays/calendar_date'
import { Dec, groupedYuan, percentText, yuanText, type Dec as D } from './decimal.js'
import type { StepKind, TrialStep } from './types.js'

const LABELS: Record<StepKind, string> = {
  normal: '正常利息',
  penalty: '罚息',
  compound: '复利',
  delay: '迟延履行期间的债务利息',
}

const BASE_NAMES: Record<StepKind, string> = {
  normal: '未到期本金',
  penalty: '逾期本金',
  compound: '欠息',
  delay: '判决确定的金钱债务',
}

interface Run {
  kind: StepKind
  first: number
  last: number
  base: D
  annualRate: D
  surcharge: D | null
  amount: D
  baseName: string
}

export class StepTable {
  private readonly open = new Map<StepKind, Run>()
  private readonly done: Run[] = []

  /**
   * One day of one line. `annualRate` is the contract rate; `surcharge` (罚息/复利)
   * raises it by that fraction; for `delay`, `annualRate` is the daily rate.
   */
  add(
    kind: StepKind,
    day: number,
    base: D,
    annualRate: D,
    surcharge: D | null,
    amount: D,
    baseName = BASE_NAMES[kind]
  ) {
    const run = this.open.get(kind)
    if (
      run &&
      run.last === day - 1 &&
      run.base.eq(base) &&
      run.annualRate.eq(annualRate) &&
      run.baseName === baseName &&
      ((run.surcharge === null && surcharge === null) ||
        (run.surcharge !== null && surcharge !== null && run.surcharge.eq(surcharge)))
    ) {
      run.last = day
      run.amount = run.amount.plus(amount)
      return
    }
    if (run) this.done.push(run)
    this.open.set(kind, {
      kind,
      first: day,
      last: day,
      base,
      annualRate,
      surcharge,
      amount,
      baseName,
    })
  }

  rows(): TrialStep[] {
    const all = [...this.done, ...this.open.values()]
    const order: StepKind[] = ['normal', 'penalty', 'compound', 'delay']
    all.sort((a, b) => a.first - b.first || order.indexOf(a.kind) - order.indexOf(b.kind))
    return all.map(toStep)
  }
}

function toStep(run: Run): TrialStep {
  const days = run.last - run.first + 1
  const amount = groupedYuan(run.amount)
  let rate: D
  let formula: string
  if (run.kind === 'delay') {
    rate = run.annualRate
    formula = `${run.baseName} ${groupedYuan(run.base)} 元 × 日万分之一点七五 × ${days} 天 = ${amount} 元`
  } else if (run.surcharge === null) {
    rate = run.annualRate
    formula = `${run.baseName} ${groupedYuan(run.base)} 元 × 年利率 ${percentText(run.annualRate)} ÷ 360 × ${days} 天 = ${amount} 元`
  } else {
    rate = run.annualRate.times(new Dec(1).plus(run.surcharge))
    formula = `${run.baseName} ${groupedYuan(run.base)} 元 × 年利率 ${percentText(run.annualRate)} × (1 + 上浮 ${percentText(run.surcharge)}) ÷ 360 × ${days} 天 = ${amount} 元`
  }
  return {
    kind: run.kind,
    label: LABELS[run.kind],
    from: fromDayNumber(run.first),
    to: fromDayNumber(run.last),
    days,
    base: yuanText(run.base),
    rate: rate.toString(),
    amount: yuanText(run.amount),
    formula,
  }
}
