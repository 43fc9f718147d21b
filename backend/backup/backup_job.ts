/*
| Queued job `system:backup`, scheduled nightly at 02:30 Asia/Shanghai: when
| 参数 system.backup.nightly is true, takes a backup and keeps the newest
| system.backup.keep of them; reported in 后台任务 like every job.
*/
import type { JobHandler } from '#core/plugins/types'
import { settings } from '#core/settings/settings'
import { createBackup, pruneBackups } from './backup_create.js'

const backupJob: JobHandler = async () => {
  if (!(await settings.boolean('system.backup.nightly')))
    return { skipped: 'system.backup.nightly is off' }
  const { dir, manifest } = await createBackup()
  const removed = pruneBackups(await settings.integer('system.backup.keep'))
  return { dir, tables: Object.keys(manifest.tables).length, files: manifest.files, removed }
}

export default backupJob
