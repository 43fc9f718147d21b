import type { JobHandler } from '#core/plugins/types'
import { redispatchStaleDeliveries } from '#core/messages/delivery_dispatch'
import { raiseDueReminders } from './daily_reminders.js'
import { deadlineClock } from './deadline_clock.js'

/**
 * Queued daily run (scheduled each morning); `payload.date` re-runs a given day.
 * It also re-dispatches message deliveries stuck in `queued` (see delivery_dispatch.ts).
 */
const deadlineRemindersJob: JobHandler = async ({ payload }) => {
  const today = typeof payload?.date === 'string' ? payload.date : await deadlineClock.today()
  const reminders = await raiseDueReminders(today)
  return { today, ...reminders, redispatched: await redispatchStaleDeliveries() }
}

export default deadlineRemindersJob
