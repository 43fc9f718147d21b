#!/usr/bin/env node
/*
| `npm run typecheck`: the server with `tsc` (tsconfig.json), then the console
| and every plugin's ui/ with `vue-tsc` (frontend/tsconfig.json, templates
| included). Fails too when a .vue file on disk is not among the files vue-tsc
| checked, so a component in a new folder cannot slip past the include globs.
*/
import { spawn } from 'node:child_process'
import { readdir } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')

function run(command, args, { capture = false } = {}) {
  return new Promise((done) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'],
    })
    let output = ''
    child.stdout?.on('data', (chunk) => (output += chunk))
    child.on('exit', (code) => done({ code: code ?? 1, output }))
  })
}

async function vueFilesOnDisk(dir = root) {
  const found = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (['node_modules', 'build', 'tmp', '.git'].includes(entry.name)) continue
    const path = join(dir, entry.name)
    if (entry.isDirectory()) found.push(...(await vueFilesOnDisk(path)))
    else if (entry.name.endsWith('.vue')) found.push(relative(root, path))
  }
  return found
}

console.log('tsc --noEmit (server)')
const server = await run('npx', ['tsc', '--noEmit'])

console.log('vue-tsc --noEmit (console and plugins/*/ui)')
const consoleCheck = await run(
  'npx',
  ['vue-tsc', '--noEmit', '--listFiles', '-p', 'frontend/tsconfig.json'],
  { capture: true }
)
const lines = consoleCheck.output.split('\n')
// --listFiles prints absolute paths; everything else is a diagnostic.
const checked = new Set(lines.filter((l) => l.startsWith('/')).map((l) => relative(root, l.trim())))
const diagnostics = lines.filter((l) => l.trim() && !l.startsWith('/'))
if (diagnostics.length) console.log(diagnostics.join('\n'))

const onDisk = await vueFilesOnDisk()
const missed = onDisk.filter((file) => !checked.has(file))
if (missed.length)
  console.log(`.vue files outside frontend/tsconfig.json's include:\n  ${missed.join('\n  ')}`)

const failed = server.code !== 0 || consoleCheck.code !== 0 || missed.length > 0
console.log(failed ? 'typecheck failed' : `typecheck passed (${onDisk.length} .vue files among them)`)
process.exit(failed ? 1 : 0)
