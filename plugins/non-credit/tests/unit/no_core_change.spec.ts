import { test } from '@japa/runner'
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

/*
| The reserved plugin's promise (issue 19): 非信贷资产管理 was added without one
| line changed outside plugins/non-credit/. Two checks:
| 1. No file outside the folder names the plugin (its id or its tables' prefix):
|    nothing in the core, another plugin, the console, the e2e flows or the docs
|    knows it exists. Tracked files when git is there, else the checkout's files.
| 2. Every commit that touched the folder touched only the folder (merges
|    excluded: they carry other branches' work). Needs the full history: in a
|    shallow clone or an export without git the check is skipped, and says so.
*/
const FOLDER = resolve(fileURLToPath(new URL('../..', import.meta.url)))
const ROOT = resolve(FOLDER, '..', '..')
const PREFIX = relative(ROOT, FOLDER).split(sep).join('/') + '/'
const NAMES = ['non-credit', 'non_credit']
/** Generated or local-only folders: never part of a change. */
const SKIP = new Set(['node_modules', '.git', 'tmp', 'build', 'public', 'coverage', 'test-results'])

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 })
  } catch {
    return null
  }
}

function walk(folder: string, out: string[] = []): string[] {
  for (const entry of readdirSync(folder)) {
    if (SKIP.has(entry) || entry.startsWith('.env')) continue
    const path = join(folder, entry)
    if (statSync(path).isDirectory()) walk(path, out)
    else out.push(relative(ROOT, path).split(sep).join('/'))
  }
  return out
}

test.group('non-credit: added without a line outside its folder', () => {
  test('no file outside plugins/non-credit names it', ({ assert }) => {
    const tracked = git(['ls-files', '-z'])
    const files = (tracked !== null ? tracked.split('\0').filter(Boolean) : walk(ROOT)).filter(
      (file) => !file.startsWith(PREFIX) && existsSync(join(ROOT, file))
    )
    assert.isAbove(files.length, 100, 'the repository’s files were found')
    const naming = files.filter((file) => {
      const text = readFileSync(join(ROOT, file))
      return NAMES.some((name) => text.includes(name))
    })
    assert.deepEqual(naming, [], `files outside ${PREFIX} that name the plugin`)
  })

  test('every commit that touched the folder touched only the folder', ({ assert }) => {
    const inside = git(['rev-parse', '--is-inside-work-tree'])?.trim()
    if (inside !== 'true') return console.warn(`SKIPPED: ${ROOT} is not a git checkout`)
    if (git(['rev-parse', '--is-shallow-repository'])?.trim() === 'true')
      return console.warn('SKIPPED: shallow clone — the commit check needs the full history')
    const commits = (git(['log', '--no-merges', '--format=%H', '--', PREFIX]) ?? '')
      .split('\n')
      .filter(Boolean)
    // The folder is committed (a working copy of uncommitted files has nothing to check yet).
    if (!commits.length) return console.warn(`SKIPPED: ${PREFIX} has no commit yet`)
    const outside: string[] = []
    for (const sha of commits) {
      const paths = (git(['show', '--no-renames', '--name-only', '--format=', sha]) ?? '')
        .split('\n')
        .filter(Boolean)
      for (const path of paths)
        if (!path.startsWith(PREFIX)) outside.push(`${sha.slice(0, 10)} ${path}`)
    }
    assert.deepEqual(outside, [], 'paths outside the folder in its commits')
  })
})
