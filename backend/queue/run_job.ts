import { jobRegistry } from './job_registry.js'
import { jobRuns } from './job_runs.js'

/**
 * Runs one attempt of a job and records it in job_runs. Both drivers call this,
 * so status, progress and errors are recorded the same way.
 */
export async function runJob(runId: string, name: string, payload: unknown, finalAttempt: boolean) {
  await jobRuns.started(runId)
  try {
    const handler = await jobRegistry.handler(name)
    const result = await handler({
      jobId: runId,
      payload,
      progress: (percent, message) => jobRuns.progress(runId, percent, message),
    })
    await jobRuns.completed(runId, result)
    return result
  } catch (error) {
    await jobRuns.failed(runId, error as Error, finalAttempt)
    throw error
  }
}
