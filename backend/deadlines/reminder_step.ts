import type { DailyStepHandler } from '#core/plugins/types'
import { raiseDueReminders } from './daily_reminders.js'

/** 日终 step: the reminders of the business date being closed, in the step's transaction. */
const deadlineRemindersStep: DailyStepHandler = async ({ businessDate, trx }) => {
  await raiseDueReminders(businessDate, trx)
}

export default deadlineRemindersStep
