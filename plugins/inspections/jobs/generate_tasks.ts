/* Job inspections:generate-tasks — 定期检查 tasks of the current period (daily, and on demand). */
import type { JobHandler } from '#core/plugins/types'
import { generateTasks } from '../services/generate_tasks.js'

const generate: JobHandler = async ({ payload, progress }) =>
  generateTasks({ planId: payload?.planId ?? undefined }, progress)
export default generate
