/*
| Runs a database client (mariadb-dump, mariadb, tar) with its stdout or stdin
| streamed to or from a file, failing with the tool's own stderr. The password
| goes through MYSQL_PWD, never the argument list (visible in `ps`).
*/
import { spawn } from 'node:child_process'
import { createReadStream, createWriteStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { createGunzip, createGzip } from 'node:zlib'

interface Run {
  command: string
  args: string[]
  env?: Record<string, string>
  /** gzip the tool's stdout into this file. */
  gzipStdoutTo?: string
  /** gunzip this file into the tool's stdin. */
  gunzipStdinFrom?: string
}

export async function runProcess({ command, args, env, gzipStdoutTo, gunzipStdinFrom }: Run) {
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: [gunzipStdinFrom ? 'pipe' : 'ignore', gzipStdoutTo ? 'pipe' : 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr!.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)))
  const exited = new Promise<number>((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code) => resolve(code ?? 1))
  })
  const streams: Promise<void>[] = []
  if (gzipStdoutTo)
    streams.push(pipeline(child.stdout!, createGzip(), createWriteStream(gzipStdoutTo)))
  if (gunzipStdinFrom)
    streams.push(pipeline(createReadStream(gunzipStdinFrom), createGunzip(), child.stdin!))
  const [code] = await Promise.all([exited, ...streams])
  if (code !== 0) throw new Error(`${command} exited with ${code}: ${stderr.trim()}`)
}
