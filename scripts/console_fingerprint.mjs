/*
| The console's fingerprint: every console source and plugin page with its
| mtime. `npm start` rebuilds the console when it changes (scripts/start.mjs);
| the shutdown test writes it beside a stub console to skip the build.
*/
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** Relative to the current directory (the repository root). */
export function consoleFingerprint() {
  const hash = createHash('sha256')
  const walk = (dir) => {
    if (!existsSync(dir)) return
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name)
    )) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(path)
      } else {
        hash.update(`${path}:${statSync(path).mtimeMs}\n`)
      }
    }
  }
  walk('frontend/src')
  hash.update(readFileSync('frontend/index.html'))
  hash.update(readFileSync('frontend/vite.config.ts'))
  const pluginsDir = process.env.PLUGINS_DIR ?? 'plugins'
  if (existsSync(pluginsDir)) {
    for (const id of readdirSync(pluginsDir).sort()) walk(join(pluginsDir, id, 'ui'))
  }
  return hash.digest('hex')
}
