#!/usr/bin/env node
/*
| `npm test`: Japa (API, on MariaDB + Redis, in its own database), Vitest (the
| console), then the Playwright end-to-end smoke. Every runner runs even if an
| earlier one failed; the output ends with each runner's counts and the total.
*/
import { spawn } from 'node:child_process'

const runners = [
  { name: 'api (Japa)', command: 'node', args: ['ace', 'test'] },
  {
    name: 'console (Vitest)',
    command: 'npx',
    args: ['vitest', 'run', '--config', 'frontend/vite.config.ts'],
  },
  {
    name: 'e2e (Playwright)',
    command: 'npx',
    args: ['playwright', 'test', '--config', 'e2e/playwright.config.mjs'],
  },
]

const SUMMARY = /^(\d+) passed, (\d+) failed, (\d+) skipped$/m

function runOne({ command, args }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' },
    })
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
      process.stdout.write(chunk)
    })
    child.on('exit', (code) => {
      const lines = output
        .replace(/\x1b\[[0-9;]*m/g, '')
        .trim()
        .split('\n')
      const match = [...lines]
        .reverse()
        .map((l) => l.trim().match(SUMMARY))
        .find(Boolean)
      resolve({ code: code ?? 1, counts: match ? match.slice(1, 4).map(Number) : null })
    })
  })
}

const results = []
for (const runner of runners) {
  console.log(`\n━━ ${runner.name} ━━`)
  results.push({ ...runner, ...(await runOne(runner)) })
}

console.log('\n━━ summary ━━')
const total = [0, 0, 0]
let ok = true
for (const r of results) {
  if (!r.counts) {
    ok = false
    console.log(`${r.name}: no summary line (exit ${r.code})`)
    total[1]++
    continue
  }
  r.counts.forEach((n, i) => (total[i] += n))
  if (r.code !== 0 || r.counts[1] > 0) ok = false
  console.log(
    `${r.name}: ${r.counts[0]} passed, ${r.counts[1]} failed, ${r.counts[2]} skipped${r.code ? ` (exit ${r.code})` : ''}`
  )
}
console.log(`${total[0]} passed, ${total[1]} failed, ${total[2]} skipped`)
process.exit(ok ? 0 : 1)
