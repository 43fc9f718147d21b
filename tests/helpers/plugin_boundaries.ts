/*
| The plugin contract's boundary check (docs/plugins.md, "Reading another
| plugin's data"): a plugin's code never names another plugin's table — it joins
| the owner's published lookups — and never imports another plugin's module
| unless the owner lists it in `publicModules` (test helpers never are).
|
| Tables are found in each plugin's migrations (`createTable('<name>'`). Comments
| are ignored. Table names are checked outside `tests/` (a test may arrange rows
| the way the data platform would); imports are checked everywhere.
*/
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'

export interface BoundaryPlugin {
  id: string
  /** Absolute folder. */
  root: string
  publicModules?: string[]
  lookups?: { table: string }[]
}

export interface BoundaryViolation {
  /** Path relative to the plugins folder. */
  file: string
  line: number
  kind: 'table' | 'import' | 'lookup' | 'public'
  detail: string
}

const CODE = /\.(ts|vue|js|mjs)$/

function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return []
  const out: string[] = []
  for (const entry of readdirSync(folder)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue
    const path = join(folder, entry)
    if (statSync(path).isDirectory()) out.push(...filesUnder(path))
    else if (CODE.test(entry)) out.push(path)
  }
  return out
}

/** Blanks comments, keeping line breaks so line numbers stay right. */
export function stripComments(source: string): string {
  const blank = (text: string) => text.replace(/[^\n]/g, ' ')
  return source
    .replace(/\/\*[\s\S]*?\*\//g, blank)
    .replace(/<!--[\s\S]*?-->/g, blank)
    .replace(/(^|[^:'"`\\])\/\/[^\n]*/g, (m, lead: string) => lead + blank(m.slice(lead.length)))
}

function tablesOf(plugin: BoundaryPlugin): string[] {
  const tables = new Set<string>()
  for (const file of filesUnder(join(plugin.root, 'database', 'migrations'))) {
    const text = readFileSync(file, 'utf8')
    for (const m of text.matchAll(/createTable\(\s*['"`]([A-Za-z0-9_]+)['"`]/g)) tables.add(m[1])
  }
  return [...tables]
}

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length
const withoutExt = (path: string) => path.replace(/\.(ts|js|vue|mjs)$/, '')

export function findBoundaryViolations(pluginsDir: string, plugins: BoundaryPlugin[]) {
  const violations: BoundaryViolation[] = []
  const owned = new Map(plugins.map((p) => [p.id, tablesOf(p)]))
  for (const plugin of plugins) {
    for (const module of plugin.publicModules ?? [])
      if (module.startsWith('tests/') || !existsSync(join(plugin.root, module)))
        violations.push({
          file: `${plugin.id}/plugin.ts`,
          line: 1,
          kind: 'public',
          detail: `public module ${module} is missing or a test helper`,
        })
    for (const lookup of plugin.lookups ?? [])
      if (!owned.get(plugin.id)!.includes(lookup.table))
        violations.push({
          file: `${plugin.id}/plugin.ts`,
          line: 1,
          kind: 'lookup',
          detail: `lookup table ${lookup.table} is not created by ${plugin.id}'s migrations`,
        })
  }
  const blank = (match: string) => match.replace(/[^\n]/g, ' ')
  for (const plugin of plugins) {
    const foreignTables = plugins
      .filter((p) => p.id !== plugin.id)
      .flatMap((p) => owned.get(p.id)!.map((table) => ({ owner: p.id, table })))
    for (const file of filesUnder(plugin.root)) {
      const rel = relative(pluginsDir, file).split(sep).join('/')
      const text = stripComments(readFileSync(file, 'utf8'))
      const inTests = rel.split('/')[1] === 'tests'
      // A table named like its plugin (expenses' `expenses`) is no table reference as a
      // path segment of an import or an entry of dependsOn: blank those out first.
      const tableText = text
        .replace(/(?:from\s+|import\s*\(\s*|import\s+)['"][^'"]+['"]/g, blank)
        .replace(/dependsOn\s*:\s*\[[^\]]*\]/g, blank)
      if (!inTests)
        for (const { owner, table } of foreignTables)
          for (const m of tableText.matchAll(new RegExp(`\\b${table}\\b`, 'g')))
            violations.push({
              file: rel,
              line: lineOf(text, m.index!),
              kind: 'table',
              detail: `names ${owner}'s table ${table}; join ${owner}'s published lookup instead`,
            })
      const imports = /(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g
      for (const m of text.matchAll(imports)) {
        const spec = m[1]
        if (!spec.startsWith('.')) continue
        const target = relative(pluginsDir, resolve(dirname(file), spec))
          .split(sep)
          .join('/')
        const [owner, ...rest] = target.split('/')
        if (target.startsWith('..') || owner === plugin.id) continue
        const other = plugins.find((p) => p.id === owner)
        if (!other) continue
        const modulePath = withoutExt(rest.join('/'))
        const isPublic = (other.publicModules ?? []).some((p) => withoutExt(p) === modulePath)
        if (!isPublic || rest[0] === 'tests')
          violations.push({
            file: rel,
            line: lineOf(text, m.index!),
            kind: 'import',
            detail: `imports ${owner}/${rest.join('/')}, which ${owner} does not publish (publicModules)`,
          })
      }
    }
  }
  return violations
}
