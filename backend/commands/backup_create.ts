import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** 备份: the database and the uploaded files into one folder under BACKUP_DIR (docs/operations.md). */
export default class BackupCreate extends BaseCommand {
  static commandName = 'backup:create'
  static description =
    'Back up the database and the uploaded files (BACKUP_DIR, default storage/backups)'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Folder to write the backup into (default BACKUP_DIR)' })
  declare dir?: string

  @flags.number({
    description: 'Then keep only the newest N backups in that folder (0 = keep all)',
    default: 0,
  })
  declare keep: number

  async run() {
    const { createBackup, pruneBackups } = await import('#core/backup/backup_create')
    const { dir, manifest } = await createBackup({ root: this.dir })
    const bytes = manifest.files.reduce((sum, f) => sum + f.bytes, 0)
    const rows = Object.values(manifest.tables).reduce((sum, n) => sum + n, 0)
    this.logger.success(
      `backup ${manifest.name}: ${Object.keys(manifest.tables).length} tables, ${rows} rows, ${manifest.uploads.length} file folders, ${bytes} bytes → ${dir}`
    )
    if (this.keep > 0)
      for (const name of pruneBackups(this.keep, this.dir))
        this.logger.info(`removed old backup ${name}`)
  }
}
