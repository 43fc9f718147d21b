import { args, BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * 恢复: verifies the backup's hashes, restores the database into a fresh database (or,
 * with --force and the app stopped, over the live one), puts the files back, and compares
 * each table's row count with the backup's manifest. Exit code 1 on any difference.
 */
export default class BackupRestore extends BaseCommand {
  static commandName = 'backup:restore'
  static description = 'Restore a backup made by backup:create and check it against its manifest'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Backup folder name (under BACKUP_DIR) or path' })
  declare backup: string

  @flags.string({ description: 'MariaDB: restore into this database (created if missing)' })
  declare database?: string

  @flags.string({ description: 'SQLite: restore into this file' })
  declare sqliteFile?: string

  @flags.string({
    description: 'Put uploaded files under this folder instead of where the app keeps them',
  })
  declare filesRoot?: string

  @flags.boolean({ description: 'Do not restore uploaded files' })
  declare skipFiles?: boolean

  @flags.boolean({ description: 'Overwrite a database that has tables or an existing SQLite file' })
  declare force?: boolean

  async run() {
    const { restoreBackup, RestoreRefused } = await import('#core/backup/backup_restore')
    try {
      const report = await restoreBackup({
        backup: this.backup,
        database: this.database,
        sqliteFile: this.sqliteFile,
        filesRoot: this.filesRoot,
        skipFiles: this.skipFiles,
        force: this.force,
      })
      this.logger.success(
        `restored ${report.manifest.name} into ${report.restoredTo}; files: ${report.files.join(', ') || 'none'}`
      )
      for (const d of report.differences)
        this.logger.warning(
          `table ${d.table}: ${d.actual} rows, backup manifest says ${d.expected}`
        )
      if (report.differences.length) this.exitCode = 1
    } catch (error) {
      if (!(error instanceof RestoreRefused)) throw error
      this.logger.error(error.message)
      this.exitCode = 1
    }
  }
}
