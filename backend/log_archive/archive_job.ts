/*
| Queued job `system:log-archive`, nightly at 03:00 Asia/Shanghai: archives the
| audit logs and the external-call log older than 参数 system.logs.archiveAfterDays
| (0 = keep everything live). Its counts show in 后台任务.
*/
import { DateTime } from 'luxon'
import type { JobHandler } from '#core/plugins/types'
import { settings } from '#core/settings/settings'
import { ARCHIVED_TABLES, archiveLogs } from './archive_logs.js'

export async function archiveOlderThan(days: number) {
  const cutoff = DateTime.now().minus({ days }).startOf('day').toFormat('yyyy-MM-dd HH:mm:ss')
  const reports = []
  for (const table of ARCHIVED_TABLES) reports.push(await archiveLogs(table, cutoff))
  return { cutoff, reports }
}

const logArchiveJob: JobHandler = async () => {
  const days = await settings.integer('system.logs.archiveAfterDays')
  if (days <= 0) return { skipped: 'system.logs.archiveAfterDays is 0' }
  const result = await archiveOlderThan(days)
  const stopped = result.reports.find((r) => r.stoppedAt)
  // Failed, so 后台任务 shows it: the tampered or broken row needs a person, not a retry tomorrow.
  if (stopped)
    throw new Error(
      `${stopped.kind}: the audit chain is broken at row ${stopped.stoppedAt}; rows from there on stay live (node ace audit:verify). ${JSON.stringify(result)}`
    )
  return result
}

export default logArchiveJob
