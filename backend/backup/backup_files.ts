/*
| What a backup holds besides the database: the folders where uploaded files
| live (workflow attachments, case files, committee materials, … — every
| `*-files` folder under tmp/, and any folder a `*_FILES_DIR` variable moves),
| and where backups go (BACKUP_DIR, default storage/backups).
*/
import app from '@adonisjs/core/services/app'
import { createHash } from 'node:crypto'
import { createReadStream, existsSync, readdirSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'

export const backupRoot = () => {
  const dir = process.env.BACKUP_DIR
  if (!dir) return app.makePath('storage', 'backups')
  return isAbsolute(dir) ? dir : app.makePath(dir)
}

export interface UploadFolder {
  /** Name inside the backup's files archive. */
  name: string
  path: string
}

export function uploadFolders(): UploadFolder[] {
  const folders = new Map<string, string>()
  const tmp = app.tmpPath()
  if (existsSync(tmp))
    for (const entry of readdirSync(tmp, { withFileTypes: true }))
      if (entry.isDirectory() && entry.name.endsWith('-files'))
        folders.set(entry.name, join(tmp, entry.name))
  // WORKFLOW_FILES_DIR=/srv/files/workflow → archived as workflow-files, restored where the variable points.
  for (const [key, value] of Object.entries(process.env))
    if (key.endsWith('_FILES_DIR') && value)
      folders.set(
        key.slice(0, -'_FILES_DIR'.length).toLowerCase().replace(/_/g, '-') + '-files',
        isAbsolute(value) ? value : app.makePath(value)
      )
  return [...folders].filter(([, path]) => existsSync(path)).map(([name, path]) => ({ name, path }))
}

export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256')
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')))
  })
}
