/* Job inspections:run-batch — one 批量检查 sent to 智能贷后 and its results matched back. */
import type { JobHandler } from '#core/plugins/types'
import { runBatch } from '../services/batch_run.js'

const run: JobHandler = async ({ payload, progress }) =>
  runBatch(Number(payload.batchId), { pollMs: payload.pollMs ?? 1000 }, progress)
export default run
