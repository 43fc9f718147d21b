/*
| Where audit exports are written (tmp/exports/<token>.xlsx) and how long they
| stay. The file name is the download token: 32 random bytes, so it cannot be
| guessed, and it is only ever handed to the user who started the export.
|
| Several app nodes: the job may run on one node and the download hit another,
| so tmp/exports must be storage the nodes share (NFS or similar) there.
*/
import { randomBytes } from 'node:crypto'
import { mkdir, readdir, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'

/** Exported logs hold personal data, even masked: they are deleted a day after they are made. */
export const EXPORT_TTL_MS = 24 * 60 * 60 * 1000

export const exportDir = () => app.tmpPath('exports')

export const newExportToken = () => randomBytes(32).toString('hex')

export function exportPath(token: string) {
  if (!/^[0-9a-f]{64}$/.test(token)) throw new Error('Malformed export token')
  return join(exportDir(), `${token}.xlsx`)
}

export async function ensureExportDir() {
  await mkdir(exportDir(), { recursive: true })
}

/** Deletes exports older than the TTL; run whenever a new export starts. */
export async function removeExpiredExports(now = Date.now()) {
  let names: string[] = []
  try {
    names = await readdir(exportDir())
  } catch {
    return
  }
  for (const name of names) {
    if (!/^[0-9a-f]{64}\.xlsx$/.test(name)) continue
    const file = join(exportDir(), name)
    try {
      if (now - (await stat(file)).mtimeMs > EXPORT_TTL_MS) await unlink(file)
    } catch {
      // Another node removed it first.
    }
  }
}
