/*
| 利息试算: replays a loan day by day from `start` to `asOf` and says what is owed
| in each bucket. Pure (decimal.js and date arithmetic only): the HTTP endpoint,
| the console and the tests all call `runInterestTrial`.
|
| The rules, exactly as the business wrote them (issue 7, 利息试算):
| - Daily accrual at annual rate / 360, 算头不算尾: day d accrues when start ≤ d < asOf.
| - On day d, the events dated d come first, in this order:
|   (1) principal instalments due on d become overdue principal;
|   (2) on every interest due date and every principal due date the accrued
|       normal interest, rounded half-up to the fen, becomes overdue interest;
|   (3) repayments dated d are allocated over the buckets in `order` (default
|       罚息 → 复利 → 欠息 → 逾期本金 → 应计利息 → 未到期本金), with 罚息, 复利 and
|       应计利息 rounded half-up to the fen just before; what is left is `unapplied`.
| - Then day d accrues: normal on not-yet-due principal at rate(d); 罚息 on overdue
|   principal at rate(d) × (1 + surcharge); 复利 on overdue interest (plus unpaid
|   罚息 and 复利 with `compoundOnPenalty`) at the same penalty rate. rate(d) is
|   the latest rate whose `from` ≤ d. Nothing accrues on or after `stopDate`.
| - 迟延履行期间的债务利息: 1.75‱ a day on the judgment's money debt from the day
|   after the performance deadline (same 算头不算尾 end and stopDate).
| - Results are rounded half-up to the fen at asOf.
| Events dated asOf still happen (so a repayment on asOf is applied); only the
| accrual of asOf itself is excluded.
*/
import { fromDayNumber, isCalendarDate, toDayNumber } from '#core/holidays/calendar_date'
import { Dec, ZERO, toFen, groupedYuan, yuanText, type Dec as D } from './decimal.js'
import { StepTable } from './steps.js'
import {
  BUCKET_NAMES,
  BUCKETS,
  DEFAULT_ORDER,
  TrialInputError,
  type Bucket,
  type TrialEvent,
  type TrialInput,
  type TrialResult,
} from './types.js'

/** 360-day year (人民银行计息规则: 日利率 = 年利率 ÷ 360). */
const DAYS_IN_YEAR = new Dec(360)
/** 迟延履行利息: 日万分之一点七五 (最高法院 2014 迟延履行利息解释 §1). */
export const DELAY_DAILY_RATE = new Dec('0.000175')
/** Bounds the replay: fifty years of days is far beyond any real loan. */
const MAX_DAYS = 50 * 366

interface Instalment {
  day: number
  remaining: D
}

export function runInterestTrial(input: TrialInput): TrialResult {
  const start = day('start', input.start)
  const asOf = day('asOf', input.asOf)
  if (asOf < start) throw new TrialInputError('asOf', '试算日不得早于起息日')
  if (asOf - start > MAX_DAYS) throw new TrialInputError('asOf', '试算期间不得超过 50 年')
  const stop = input.stopDate ? day('stopDate', input.stopDate) : Number.POSITIVE_INFINITY
  const surcharge = amount('penaltySurcharge', input.penaltySurcharge ?? '0.5')
  const order = checkOrder(input.order)
  const rateAt = rateLookup(input, start)

  const instalments: Instalment[] = input.installments
    .map((i, n) => ({
      day: day(`installments.${n}.dueDate`, i.dueDate),
      remaining: amount(`installments.${n}.principal`, i.principal),
    }))
    .sort((a, b) => a.day - b.day)
  for (const [n, i] of instalments.entries()) {
    if (i.day < start)
      throw new TrialInputError(`installments.${n}.dueDate`, '还本日不得早于起息日')
  }
  const principalDays = new Set(instalments.map((i) => i.day))
  const interestDays = new Set(
    (input.interestDueDates ?? []).map((d, n) => day(`interestDueDates.${n}`, d))
  )
  const repaymentsByDay = new Map<number, D[]>()
  for (const [n, r] of (input.repayments ?? []).entries()) {
    const d = day(`repayments.${n}.date`, r.date)
    if (d < start) throw new TrialInputError(`repayments.${n}.date`, '还款日不得早于起息日')
    repaymentsByDay.set(d, [
      ...(repaymentsByDay.get(d) ?? []),
      amount(`repayments.${n}.amount`, r.amount),
    ])
  }
  const delay = input.delayedPerformance
    ? {
        first: day('delayedPerformance.deadline', input.delayedPerformance.deadline) + 1,
        debt: amount('delayedPerformance.debt', input.delayedPerformance.debt),
      }
    : null

  const b: Record<Bucket, D> = {
    penalty: ZERO,
    compound: ZERO,
    overdueInterest: ZERO,
    overduePrincipal: ZERO,
    accruedInterest: ZERO,
    notDuePrincipal: instalments.reduce((sum, i) => sum.plus(i.remaining), ZERO),
  }
  let unapplied = ZERO
  let delayInterest = ZERO
  const steps = new StepTable()
  const events: TrialEvent[] = []

  for (let d = start; d <= asOf; d++) {
    const date = fromDayNumber(d)

    // (1) 到期本金转逾期
    if (principalDays.has(d)) {
      let due = ZERO
      for (const i of instalments) {
        if (i.day !== d) continue
        due = due.plus(i.remaining)
        i.remaining = ZERO
      }
      b.notDuePrincipal = b.notDuePrincipal.minus(due)
      b.overduePrincipal = b.overduePrincipal.plus(due)
      events.push({
        date,
        kind: 'principalDue',
        description: `到期本金 ${groupedYuan(due)} 元转入逾期本金`,
        amount: yuanText(due),
      })
    }

    // (2) 结息: accrued normal interest, rounded to the fen, becomes overdue interest.
    if (interestDays.has(d) || principalDays.has(d)) {
      const settled = toFen(b.accruedInterest)
      b.accruedInterest = ZERO
      b.overdueInterest = b.overdueInterest.plus(settled)
      events.push({
        date,
        kind: 'interestDue',
        description: `结息：应计利息 ${groupedYuan(settled)} 元转入逾期利息`,
        amount: yuanText(settled),
      })
    }

    // (3) 还款分配
    const paid = repaymentsByDay.get(d)
    if (paid) {
      b.penalty = toFen(b.penalty)
      b.compound = toFen(b.compound)
      b.accruedInterest = toFen(b.accruedInterest)
      for (const payment of paid) {
        const event = allocate(payment, order, b, instalments, date)
        unapplied = unapplied.plus(event.left)
        events.push(event.event)
      }
    }

    // Accrual of day d (算头不算尾, and nothing from the stop date on).
    if (d >= asOf || d >= stop) continue
    const rate = rateAt(d)
    const penaltyRate = rate.times(new Dec(1).plus(surcharge))
    if (b.notDuePrincipal.gt(0)) {
      const a = b.notDuePrincipal.times(rate).div(DAYS_IN_YEAR)
      b.accruedInterest = b.accruedInterest.plus(a)
      steps.add('normal', d, b.notDuePrincipal, rate, null, a)
    }
    // 复利 is computed on the day's opening balances, before today's 罚息 is added.
    const compoundBase = input.compoundOnPenalty
      ? b.overdueInterest.plus(b.penalty).plus(b.compound)
      : b.overdueInterest
    if (b.overduePrincipal.gt(0)) {
      const a = b.overduePrincipal.times(penaltyRate).div(DAYS_IN_YEAR)
      b.penalty = b.penalty.plus(a)
      steps.add('penalty', d, b.overduePrincipal, rate, surcharge, a)
    }
    if (compoundBase.gt(0)) {
      const a = compoundBase.times(penaltyRate).div(DAYS_IN_YEAR)
      b.compound = b.compound.plus(a)
      steps.add(
        'compound',
        d,
        compoundBase,
        rate,
        surcharge,
        a,
        input.compoundOnPenalty ? '欠息及未付罚息、复利' : '欠息'
      )
    }
    if (delay && d >= delay.first && delay.debt.gt(0)) {
      const a = delay.debt.times(DELAY_DAILY_RATE)
      delayInterest = delayInterest.plus(a)
      steps.add('delay', d, delay.debt, DELAY_DAILY_RATE, null, a)
    }
  }

  const fen = Object.fromEntries(BUCKETS.map((k) => [k, toFen(b[k])])) as Record<Bucket, D>
  const total = BUCKETS.reduce((sum, k) => sum.plus(fen[k]), ZERO)
  return {
    notDuePrincipal: yuanText(fen.notDuePrincipal),
    overduePrincipal: yuanText(fen.overduePrincipal),
    accruedInterest: yuanText(fen.accruedInterest),
    overdueInterest: yuanText(fen.overdueInterest),
    penaltyInterest: yuanText(fen.penalty),
    compoundInterest: yuanText(fen.compound),
    delayInterest: yuanText(delayInterest),
    unapplied: yuanText(unapplied),
    total: yuanText(total),
    steps: steps.rows(),
    events,
  }
}

/** One repayment over the buckets in order; principal not yet due is repaid earliest instalment first. */
function allocate(
  payment: D,
  order: readonly Bucket[],
  b: Record<Bucket, D>,
  instalments: Instalment[],
  date: string
): { event: TrialEvent; left: D } {
  let left = payment
  const allocation: NonNullable<TrialEvent['allocation']> = []
  for (const bucket of order) {
    if (left.lte(0)) break
    const take = Dec.min(left, b[bucket])
    if (take.lte(0)) continue
    b[bucket] = b[bucket].minus(take)
    left = left.minus(take)
    allocation.push({ bucket, label: BUCKET_NAMES[bucket], amount: yuanText(take) })
    if (bucket === 'notDuePrincipal') {
      let rest = take
      for (const i of instalments) {
        const cut = Dec.min(rest, i.remaining)
        i.remaining = i.remaining.minus(cut)
        rest = rest.minus(cut)
      }
    }
  }
  const parts = allocation.map((a) => `${a.label} ${groupedYuan(new Dec(a.amount))} 元`)
  if (left.gt(0)) parts.push(`未分配 ${groupedYuan(left)} 元`)
  return {
    left,
    event: {
      date,
      kind: 'repayment',
      description: `还款 ${groupedYuan(payment)} 元：${parts.join('，') || '无欠款可冲抵'}`,
      amount: yuanText(payment),
      allocation,
      unapplied: yuanText(left),
    },
  }
}

function rateLookup(input: TrialInput, start: number) {
  if (!input.rates.length) throw new TrialInputError('rates', '至少需要一个利率')
  const rates = input.rates
    .map((r, n) => ({
      from: day(`rates.${n}.from`, r.from),
      rate: amount(`rates.${n}.annualRate`, r.annualRate),
    }))
    .sort((a, b) => a.from - b.from)
  if (rates[0].from > start) throw new TrialInputError('rates', '第一个利率的生效日不得晚于起息日')
  // Days ascend through the replay, so a moving cursor finds rate(d) in O(1).
  let cursor = 0
  return (d: number): D => {
    while (cursor + 1 < rates.length && rates[cursor + 1].from <= d) cursor++
    return rates[cursor].rate
  }
}

function checkOrder(order: Bucket[] | undefined): readonly Bucket[] {
  if (!order) return DEFAULT_ORDER
  const distinct = new Set(order)
  if (
    order.length !== BUCKETS.length ||
    distinct.size !== BUCKETS.length ||
    !BUCKETS.every((k) => distinct.has(k))
  )
    throw new TrialInputError('order', '冲抵顺序必须恰好列出全部六个科目各一次')
  return order
}

function day(field: string, value: string): number {
  if (!isCalendarDate(value)) throw new TrialInputError(field, '日期无效，应为 YYYY-MM-DD')
  return toDayNumber(value)
}

function amount(field: string, value: string): D {
  if (typeof value !== 'string' || !/^\d{1,16}(\.\d{1,10})?$/.test(value))
    throw new TrialInputError(field, '必须是不小于 0 的十进制数')
  return new Dec(value)
}
