/*
| Starts a command in its own process group (as an operator's `npm start` or a
| supervisor's unit would be) and stops it with a signal to the whole group,
| reporting how long until no process of the group was left and whether the
| ports it held are free again. Used by the shutdown-during-boot tests.
*/
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** A port nobody listens on right now (the kernel's pick). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/** True when this process can listen on the port (nobody holds it). */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
}

function groupAlive(pgid: number) {
  try {
    process.kill(-pgid, 0)
    return true
  } catch {
    return false
  }
}

/** Groups started and not yet killed: a test that times out leaves none behind. */
const started = new Set<number>()

export function killAllGroups() {
  for (const pgid of started) if (groupAlive(pgid)) process.kill(-pgid, 'SIGKILL')
  started.clear()
}

export interface GroupRun {
  child: ChildProcess
  output: () => string
  /** Resolves when a line matching the pattern was printed (rejects if the process exits first). */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>
  /** Signals the group; resolves with ms until no process of the group was left, and the exit. */
  stop(
    signal: NodeJS.Signals,
    withinMs: number
  ): Promise<{ ms: number; code: number | null; signal: string | null }>
  kill(): void
}

export function startGroup(command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string) {
  const child = spawn(command, args, {
    cwd,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  child.stdout!.on('data', (d) => (log += d))
  child.stderr!.on('data', (d) => (log += d))
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal }))
  )
  const pgid = child.pid!
  started.add(pgid)
  const run: GroupRun = {
    child,
    output: () => log,
    async waitFor(pattern, timeoutMs = 60_000) {
      const until = Date.now() + timeoutMs
      while (!pattern.test(log)) {
        if (child.exitCode !== null || child.signalCode !== null)
          throw new Error(`exited before ${pattern}:\n${log.slice(-3000)}`)
        if (Date.now() > until)
          throw new Error(`no ${pattern} in ${timeoutMs} ms:\n${log.slice(-3000)}`)
        await sleep(20)
      }
    },
    async stop(signal, withinMs) {
      const sent = Date.now()
      process.kill(-pgid, signal)
      while (groupAlive(pgid) && Date.now() - sent < withinMs + 5000) await sleep(25)
      const ms = Date.now() - sent
      const exit = await Promise.race([
        exited,
        sleep(1000).then(() => ({ code: -1, signal: null })),
      ])
      return { ms, ...exit }
    },
    kill() {
      if (groupAlive(pgid)) process.kill(-pgid, 'SIGKILL')
      started.delete(pgid)
    },
  }
  return run
}
