/*
| The server the load and view benches measure: started like `npm start` (ts-node) in demo
| mode with the in-process queue, against DB_DATABASE, on loopback; waits until it answers.
*/
import { spawn } from 'node:child_process'

const ROOT = new URL('..', import.meta.url).pathname

export function benchEnv(port) {
  return {
    ...process.env,
    NODE_ENV: 'production',
    APP_MODE: 'demo',
    APP_KEY: process.env.APP_KEY ?? 'bench-only-key-0123456789abcdefghijklmnopqrstuvwxyz',
    DB_CONNECTION: 'mysql',
    DB_DATABASE: process.env.DB_DATABASE ?? 'ram_bench',
    REDIS_HOST: '',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SIMULATOR_PORT: process.env.SIMULATOR_PORT ?? String(port + 900),
  }
}

export async function startServer({ port }) {
  const base = `http://127.0.0.1:${port}`
  let log = ''
  const child = spawn('node', ['--import=ts-node-maintained/register/esm', 'bin/server.ts'], {
    cwd: ROOT,
    env: benchEnv(port),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout.on('data', (d) => (log += d))
  child.stderr.on('data', (d) => (log += d))
  process.on('exit', () => child.exitCode === null && child.kill('SIGKILL'))
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${log}`)
    try {
      if ((await fetch(`${base}/api/health`)).ok) break
    } catch {}
    if (i > 240) throw new Error(`server not healthy:\n${log}`)
    await new Promise((r) => setTimeout(r, 500))
  }
  return {
    base,
    pid: child.pid,
    log: () => log,
    async stop() {
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGINT')
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10000))])
      if (child.exitCode === null) child.kill('SIGKILL')
    },
  }
}
