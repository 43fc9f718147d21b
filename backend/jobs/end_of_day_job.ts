import type { JobHandler } from '#core/plugins/types'
import { runEndOfDay } from '#core/business_day/end_of_day'

/** Queued end of day (日终), so the console can show its progress. */
const endOfDayJob: JobHandler = async ({ progress }) => runEndOfDay(progress)

export default endOfDayJob
