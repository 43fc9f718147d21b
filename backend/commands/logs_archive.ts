import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** 日志归档 on demand: what the nightly job `system:log-archive` does (docs/operations.md). */
export default class LogsArchive extends BaseCommand {
  static commandName = 'logs:archive'
  static description =
    'Archive audit and call log rows older than N days into files (LOG_ARCHIVE_DIR) and remove them'
  static options: CommandOptions = { startApp: true }

  @flags.number({
    description:
      'Archive rows older than this many days (default: 参数 system.logs.archiveAfterDays)',
  })
  declare days?: number

  async run() {
    const { archiveOlderThan } = await import('#core/log_archive/archive_job')
    const { settings } = await import('#core/settings/settings')
    const days = this.days ?? (await settings.integer('system.logs.archiveAfterDays'))
    if (days <= 0) return this.logger.info('archiving is off (0 days)')
    const { cutoff, reports } = await archiveOlderThan(days)
    for (const r of reports) {
      this.logger.success(`${r.kind}: ${r.rows} rows before ${cutoff} into ${r.files} files`)
      if (r.stoppedAt) {
        this.logger.error(
          `${r.kind}: the chain is broken at row ${r.stoppedAt}; nothing past it archived (run audit:verify)`
        )
        this.exitCode = 1
      }
    }
  }
}
