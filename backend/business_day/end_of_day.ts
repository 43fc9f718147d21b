/*
| 日终: runs every registered daily step for the current business date, then
| moves the business date on by one calendar day (banks run end of day every
| day; working-day deadlines use the holiday calendar, not this date's step).
| A rerun after a crash skips the steps that already committed.
*/
import { dbNow } from '#core/db/db_time'
import logger from '@adonisjs/core/services/logger'
import type { DailyStepDefinition } from '#core/plugins/types'
import { addCalendarDays, businessDate } from './business_date.js'
import { runDailyStep } from './daily_step.js'

const steps: DailyStepDefinition[] = []

export const dailySteps = {
  register(step: DailyStepDefinition) {
    if (steps.some((s) => s.name === step.name))
      throw new Error(`Daily step "${step.name}" is registered twice`)
    steps.push(step)
  },
  all: () => [...steps],
}

export interface EndOfDayReport {
  businessDate: string
  nextBusinessDate: string
  ran: string[]
  skipped: string[]
}

export async function runEndOfDay(
  progress?: (percent: number, message: string) => Promise<void>
): Promise<EndOfDayReport> {
  const date = await businessDate.current()
  const report: EndOfDayReport = {
    businessDate: date,
    nextBusinessDate: date,
    ran: [],
    skipped: [],
  }
  for (const [index, step] of steps.entries()) {
    const handler = (await step.handler()).default
    const ran = await runDailyStep(step.name, date, (trx) => handler({ businessDate: date, trx }))
    ;(ran ? report.ran : report.skipped).push(step.name)
    await progress?.(Math.round(((index + 1) / (steps.length + 1)) * 100), step.name)
  }
  // Advancing is itself a step, so two end-of-day runs for one date move it once.
  const next = addCalendarDays(date, 1)
  await runDailyStep('system:advance-business-date', date, async (trx) => {
    await trx
      .from('business_day')
      .where('id', 1)
      .update({ business_date: next, updated_at: dbNow() })
  })
  report.nextBusinessDate = await businessDate.current()
  logger.info(report, 'end of day finished')
  return report
}
