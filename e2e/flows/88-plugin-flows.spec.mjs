/*
| Flows a plugin ships in its own folder (`plugins/<id>/e2e/*.flow.mjs`), so a
| plugin added without touching the rest of the repository still has its
| browser flow run with the others — here, after the numbered flows of the
| core's plugins and before the page crawl (89). Each file declares its tests
| with `test()` from e2e/support/test.mjs when imported; plugins in id order,
| files in name order. A folder without flows adds nothing.
*/
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ROOT } from '../support/env.mjs'

const plugins = join(ROOT, 'plugins')
for (const id of readdirSync(plugins).sort()) {
  const folder = join(plugins, id, 'e2e')
  if (!existsSync(folder)) continue
  for (const file of readdirSync(folder)
    .filter((f) => f.endsWith('.flow.mjs'))
    .sort())
    await import(pathToFileURL(join(folder, file)).href)
}
