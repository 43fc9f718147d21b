/*
| 时效计算: from a loan's due date, its guarantees and its registered events, the
| limitation periods, the rule behind each, and what every event did. Pure: the
| rules and the holiday calendar are passed in, so tests use the real 2025/2026
| arrangements without a database and the daily step uses one snapshot.
|
| The law, as configured in disposal_limitation_rules (codes fixed here):
| - litigation 诉讼时效 (§188, §189): N years from the last instalment's due date.
|   §195: a registered 催收 with proof, the debtor's acknowledgement, a lawsuit or
|   an arbitration WITHIN the period interrupts it; a new full period runs from
|   the interruption date. After expiry nothing revives it; a debtor's signature
|   (or acknowledgement) after expiry is a waiver of the defence (诉讼时效规定
|   §19), recorded as such and flagged for legal review — never an interruption.
| - suspension 中止 (§194): an obstacle within the last 6 months makes the period
|   end 6 months after the obstacle ends (open obstacle → no end date yet).
| - outer_limit (§188 ¶2): 20 years from the due date, never extended; shown as
|   its own period and a warning when the running period would outlast it.
| - guarantee 保证期间 (§692, §695): 6 months from the main debt's due date when
|   the contract sets none; never interrupted, suspended or extended. A claim
|   against the guarantor within it (§693) marks it exercised. §692 excludes
|   suspension, interruption and extension, not the counting rules: its last
|   day moves to the next working day under §203 like every period's.
| - enforcement 申请执行时效 (民事诉讼法 §250): after a judgment, 2 years from the
|   last day of the performance period; interruption and suspension apply to it
|   as to the litigation period. The judgment closes the litigation period.
| - mortgage (§419): a mortgage must be exercised within the main claim's period,
|   so its end is the main claim's current end.
| Every end date goes through §202 (corresponding day, month end) and, when the
| rule says so, §203 (next working day).
*/
import type { WorkCalendar } from '#core/holidays/work_calendar'
import { addPeriod, periodLastDay } from './period_dates.js'
import {
  EVENT_NAMES,
  INTERRUPTING,
  type EventAssessment,
  type LimitationCase,
  type LimitationEvent,
  type LimitationOutcome,
  type LimitationRule,
  type Period,
  type PeriodStatus,
  type RuleSet,
} from './types.js'

const lengthText = (rule: LimitationRule) =>
  [
    rule.periodYears ? `${rule.periodYears} 年` : '',
    rule.periodMonths ? `${rule.periodMonths} 个月` : '',
  ]
    .join('')
    .trim() || '—'

/** A period that interruptions restart and obstacles suspend: 诉讼时效 or 申请执行时效. */
class RunningPeriod {
  end: string | null
  readonly trail: string[] = []

  constructor(
    readonly rule: LimitationRule,
    private readonly suspension: LimitationRule,
    private readonly calendar: WorkCalendar,
    public base: string,
    opening: string
  ) {
    this.end = this.lastDayFrom(base)
    this.trail.push(`${opening}，期间 ${lengthText(rule)}，至 ${this.end}`)
  }

  private lastDayFrom(date: string) {
    const r = this.rule
    return periodLastDay(
      this.calendar,
      date,
      r.periodYears ?? 0,
      r.periodMonths ?? 0,
      r.rollToWorkingDay
    )
  }

  expiredOn(date: string) {
    return this.end !== null && date > this.end
  }

  interrupt(event: LimitationEvent): EventAssessment {
    const name = EVENT_NAMES[event.type]
    if (this.expiredOn(event.date)) {
      const waiver = event.signed || event.type === 'acknowledgement'
      const note = waiver
        ? `${this.rule.name}已于 ${this.end} 届满；届满后债务人${event.signed ? '签收' : '承认'}视为放弃时效抗辩（诉讼时效规定第十九条），不构成中断，时效不因此恢复，需法律审核`
        : `${this.rule.name}已于 ${this.end} 届满，${name}不能使时效中断或恢复`
      this.trail.push(`${event.date} ${name}：${note}`)
      return { eventId: event.id, effect: waiver ? 'waiver' : 'none', note, legalReview: waiver }
    }
    this.base = event.date
    this.end = this.lastDayFrom(event.date)
    const note = `${name}（凭证 ${event.proofRef}）使${this.rule.name}中断（《民法典》第一百九十五条），自 ${event.date} 重新计算 ${lengthText(this.rule)}，至 ${this.end}`
    this.trail.push(`${event.date} ${note}`)
    return { eventId: event.id, effect: 'interrupt', note, legalReview: false }
  }

  suspend(event: LimitationEvent): EventAssessment {
    const none = (note: string): EventAssessment => {
      this.trail.push(`${event.date} 中止事由：${note}`)
      return { eventId: event.id, effect: 'none', note, legalReview: false }
    }
    if (!this.suspension.enabled) return none('中止规则已停用')
    if (this.end === null) return none('时效已处于中止状态')
    if (event.date > this.end)
      return none(`障碍发生于${this.rule.name}届满（${this.end}）之后，不产生中止`)
    const s = this.suspension
    const windowStart = addPeriod(this.end, -(s.periodYears ?? 0), -(s.periodMonths ?? 0))
    if (event.endDate !== null && event.endDate < windowStart)
      return none(
        `障碍于 ${event.endDate} 消除，不在时效期间最后 ${lengthText(s)}（${windowStart} 起）内，不产生中止（《民法典》第一百九十四条）`
      )
    if (event.endDate === null) {
      this.end = null
      const note = `时效期间最后 ${lengthText(s)}内发生障碍，${this.rule.name}中止（《民法典》第一百九十四条）；障碍消除之日起满 ${lengthText(s)}届满，请登记消除日期`
      this.trail.push(`${event.date} ${note}`)
      return { eventId: event.id, effect: 'suspend', note, legalReview: false }
    }
    const resumed = periodLastDay(
      this.calendar,
      event.endDate,
      s.periodYears ?? 0,
      s.periodMonths ?? 0,
      s.rollToWorkingDay
    )
    if (resumed > this.end) this.end = resumed
    const note = `时效期间最后 ${lengthText(s)}内发生障碍，${this.rule.name}中止（《民法典》第一百九十四条）；障碍于 ${event.endDate} 消除，满 ${lengthText(s)}届满，至 ${this.end}`
    this.trail.push(`${event.date} ${note}`)
    return { eventId: event.id, effect: 'suspend', note, legalReview: false }
  }
}

const statusOf = (end: string | null, today: string): PeriodStatus =>
  end === null ? 'suspended' : today > end ? 'expired' : 'running'

export function computeLimitation(
  c: LimitationCase,
  rules: RuleSet,
  calendar: WorkCalendar,
  today: string
): LimitationOutcome {
  const periods: Period[] = []
  const assessed: EventAssessment[] = []
  const warnings: string[] = []
  const events = [...c.events].sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id)
  const lastDay = (rule: LimitationRule, from: string) =>
    periodLastDay(
      calendar,
      from,
      rule.periodYears ?? 0,
      rule.periodMonths ?? 0,
      rule.rollToWorkingDay
    )
  const none = (event: LimitationEvent, note: string) =>
    assessed.push({ eventId: event.id, effect: 'none', note, legalReview: false })

  // 诉讼时效, then (after a judgment) 申请执行时效: the main claim's running period.
  const litigation = rules.litigation.enabled
    ? new RunningPeriod(
        rules.litigation,
        rules.suspension,
        calendar,
        c.dueDate,
        `${c.dueDate} 最后一期还款到期，诉讼时效起算（《民法典》第一百八十八条、第一百八十九条）`
      )
    : null
  let enforcement: RunningPeriod | null = null
  let judged = false
  const claims: LimitationEvent[] = []

  for (const event of events) {
    if (event.type === 'guarantor_claim') {
      claims.push(event)
      continue
    }
    if (event.type === 'judgment') {
      judged = true
      const deadline = event.endDate ?? event.date
      litigation?.trail.push(`${event.date} 判决/裁决生效，主债权诉讼时效终结，转入申请执行时效`)
      if (!rules.enforcement.enabled) {
        none(event, '判决生效；申请执行时效规则已停用')
        continue
      }
      enforcement = new RunningPeriod(
        rules.enforcement,
        rules.suspension,
        calendar,
        deadline,
        `${deadline} 为判决确定的履行期间最后一日，申请执行时效起算（《民事诉讼法》第二百五十条）`
      )
      assessed.push({
        eventId: event.id,
        effect: 'judgment',
        note: `判决生效，申请执行时效自 ${deadline} 起算，至 ${enforcement.end}`,
        legalReview: false,
      })
      continue
    }
    const current = judged ? enforcement : litigation
    if (!current) {
      none(event, judged ? '申请执行时效规则已停用' : '诉讼时效规则已停用')
      continue
    }
    if (event.type === 'suspension') assessed.push(current.suspend(event))
    else if (INTERRUPTING.has(event.type) || (judged && event.type === 'enforcement_application'))
      assessed.push(current.interrupt(event))
    else none(event, '尚无生效判决，申请执行不影响诉讼时效')
  }

  const rulePeriod = (
    key: string,
    rule: LimitationRule,
    p: Omit<Period, 'key' | 'ruleCode' | 'ruleName' | 'legalBasis'>
  ): Period => ({
    key,
    ruleCode: rule.code,
    ruleName: rule.name,
    legalBasis: rule.legalBasis,
    ...p,
  })

  if (litigation) {
    periods.push(
      rulePeriod('litigation', rules.litigation, {
        base: litigation.base,
        end: litigation.end,
        status: judged ? 'closed' : statusOf(litigation.end, today),
        trail: litigation.trail,
      })
    )
  }
  if (enforcement) {
    periods.push(
      rulePeriod('enforcement', rules.enforcement, {
        base: enforcement.base,
        end: enforcement.end,
        status: statusOf(enforcement.end, today),
        trail: enforcement.trail,
      })
    )
  }

  const main = judged ? enforcement : litigation
  if (main?.end && main.end < today)
    warnings.push(
      `主债权${main.rule.name}已于 ${main.end} 届满：债务人可提出时效抗辩，此后的催收不能使时效中断；届满后债务人签收或承认的，登记为放弃时效抗辩并提交法律审核`
    )
  if (rules.outer_limit.enabled) {
    const end = lastDay(rules.outer_limit, c.dueDate)
    periods.push(
      rulePeriod('outer_limit', rules.outer_limit, {
        base: c.dueDate,
        end,
        status: statusOf(end, today),
        trail: [
          `${c.dueDate} 权利受到损害之日起 ${lengthText(rules.outer_limit)}，至 ${end}；不因中断、中止而延长`,
        ],
      })
    )
    if (!judged && litigation && (litigation.end === null || litigation.end > end))
      warnings.push(
        `诉讼时效${litigation.end ? `届满日 ${litigation.end}` : '（中止中）'}晚于二十年最长保护期 ${end}，超出部分人民法院不予保护（《民法典》第一百八十八条）`
      )
    else if (today <= end && addPeriod(end, -1, 0) < today)
      warnings.push(`距二十年最长保护期届满（${end}）已不足一年`)
  }

  for (const g of c.guarantees) {
    if (g.type === 'guaranty' && rules.guarantee.enabled) {
      const end = lastDay(rules.guarantee, c.dueDate)
      const raw = addPeriod(
        c.dueDate,
        rules.guarantee.periodYears ?? 0,
        rules.guarantee.periodMonths ?? 0
      )
      const trail = [
        `主债务履行期限 ${c.dueDate} 届满起 ${lengthText(rules.guarantee)}（合同未约定时，《民法典》第六百九十二条），至 ${end}${end !== raw ? `（${raw} 为法定休假日，顺延至其后第一个工作日，第二百零三条）` : ''}；不发生中止、中断和延长`,
      ]
      let exercised = false
      for (const claim of claims.filter((e) => e.guaranteeId === g.id)) {
        if (claim.date <= end && !exercised) {
          exercised = true
          const note = `${claim.date} 在保证期间内向保证人${g.name}主张权利（凭证 ${claim.proofRef}），保证期间内已行使（《民法典》第六百九十三条），保证债务诉讼时效自该日起算（第六百九十四条）`
          trail.push(note)
          assessed.push({ eventId: claim.id, effect: 'claim', note, legalReview: false })
        } else {
          const note = exercised
            ? '保证期间内已主张，本次主张不改变保证期间'
            : `保证期间已于 ${end} 届满，保证人不再承担保证责任（《民法典》第六百九十三条）`
          trail.push(`${claim.date} ${note}`)
          none(claim, note)
        }
      }
      periods.push(
        rulePeriod(`guarantee:${g.id}`, rules.guarantee, {
          base: c.dueDate,
          end,
          status: exercised ? 'exercised' : statusOf(end, today),
          trail,
          subject: g.name,
        })
      )
    }
    if (g.type === 'mortgage' && rules.mortgage.enabled && main) {
      periods.push(
        rulePeriod(`mortgage:${g.id}`, rules.mortgage, {
          base: main.base,
          end: main.end,
          status: statusOf(main.end, today),
          trail: [
            `抵押权应在主债权${main.rule.name}期间内行使（《民法典》第四百一十九条），随主债权至 ${main.end ?? '（中止中）'}`,
          ],
          subject: g.name,
        })
      )
    }
  }
  for (const claim of claims) {
    if (!assessed.some((a) => a.eventId === claim.id))
      none(claim, '未找到对应的保证担保，不影响任何期间')
  }

  for (const a of assessed)
    if (a.effect === 'waiver')
      warnings.push(`时效届满后签收已登记为放弃时效抗辩，待法律审核：${a.note}`)
  assessed.sort((a, b) => a.eventId - b.eventId)
  return { periods, events: assessed, warnings }
}

/**
 * Years without an imported holiday arrangement in which a period ends — any
 * period, running or expired: its last day was then rolled over weekends only
 * (§203), so the date must be checked once the year is imported. One warning
 * per year, naming the periods.
 */
export function calendarWarnings(periods: Period[], calendar: WorkCalendar): string[] {
  const byYear = new Map<number, string[]>()
  for (const p of periods) {
    if (!p.end) continue
    const year = Number(p.end.slice(0, 4))
    if (calendar.hasCalendar(year)) continue
    const name = `${p.ruleName}${p.subject ? `（${p.subject}）` : ''} ${p.end}`
    byYear.set(year, [...(byYear.get(year) ?? []), name])
  }
  return [...byYear.keys()]
    .sort((a, b) => a - b)
    .map(
      (year) =>
        `${year} 年节假日安排未导入：${byYear.get(year)!.join('、')} 仅按周末顺延，请在节假日管理导入该年安排后复核`
    )
}
