/*
| One lifecycle for every long-lived resource of a process (HTTP server, queue
| worker, job ticker, outbox deliverer, plugins' services such as the demo
| simulator, and last the app's providers: database pools, Redis, queue).
|
| A resource registers its stop once it is up. Shutdown waits for boot to settle
| (starts asked for meanwhile are cancelled, so that is quick), then stops the
| resources phase by phase; one that registers after its phase has passed is
| stopped at once. Whatever a stop leaves open is caught by the hard deadline:
| it logs what is still open and exits non-zero (docs/operations.md, Stopping).
*/
import { openHandlesReport, trackNewHandles } from './open_handles.js'

/** Shutdown order: no new requests, no new work, running work drains, services, connections. */
export const PHASES = ['http', 'triggers', 'workers', 'services', 'connections'] as const
export type Phase = (typeof PHASES)[number]

type Stop = () => unknown
interface Resource {
  owner: string
  phase: Phase
  stop: Stop
}

export interface LifecycleLog {
  debug(message: string): void
  info(message: string): void
  error(message: string): void
}

/** Before the app's logger exists (a signal during boot) lines go to stderr. */
const stderrLog: LifecycleLog = {
  debug: () => {},
  info: (message) => process.stderr.write(`${message}\n`),
  error: (message) => process.stderr.write(`${message}\n`),
}

/** Thrown at a boot checkpoint after a stop signal: the rest of boot is cancelled, not an error. */
export class BootCancelled extends Error {
  name = 'BootCancelled'
}

export function deadlineMsFromEnv(env = process.env): number {
  const seconds = Number(env.SHUTDOWN_DEADLINE_SECONDS)
  return env.SHUTDOWN_DEADLINE_SECONDS && Number.isFinite(seconds) && seconds > 0
    ? seconds * 1000
    : 10_000
}

export class Lifecycle {
  #resources: Resource[] = []
  /** Owners whose stop is running: the deadline report names them. */
  #stopping = new Set<string>()
  #boot: Promise<unknown> = Promise.resolve()
  #bootRunning = false
  #shutdown: Promise<void> | null = null
  /** Index in PHASES of the phase being stopped; -1 before that. */
  #phase = -1
  #log: LifecycleLog = stderrLog

  constructor(
    private options: {
      deadlineMs?: number
      exit?: (code: number) => void
      /** Off in unit tests: the creation hook would slow the rest of the test process. */
      trackHandles?: boolean
    } = {}
  ) {}

  get isStopping() {
    return this.#shutdown !== null
  }

  useLog(log: LifecycleLog) {
    this.#log = log
  }

  /** The boot in progress: shutdown lets it settle before stopping anything. */
  booting(boot: Promise<unknown>) {
    this.#bootRunning = true
    this.#boot = boot.catch(() => {}).finally(() => (this.#bootRunning = false))
  }

  /** Registers a started resource; stopped at once when its phase of shutdown has passed. */
  register(owner: string, stop: Stop, phase: Phase = 'services'): () => void {
    const resource = { owner, phase, stop }
    if (this.#shutdown && PHASES.indexOf(phase) <= this.#phase) {
      void this.#stopOne(resource)
      return () => {}
    }
    this.#resources.push(resource)
    return () => {
      this.#resources = this.#resources.filter((r) => r !== resource)
    }
  }

  /**
   * Starts a service unless shutdown has begun (then its start is cancelled);
   * the stop it returns is registered when it is up.
   */
  async start(owner: string, phase: Phase, start: () => Promise<Stop | void>): Promise<boolean> {
    if (this.isStopping) {
      this.#log.info(`lifecycle: not starting ${owner}, shutdown has begun`)
      return false
    }
    const stop = await start()
    if (stop) this.register(owner, stop, phase)
    return true
  }

  /** A point of boot where a stop signal cancels the rest of boot (throws BootCancelled). */
  checkpoint(where: string) {
    this.#log.debug(`lifecycle: boot reached ${where}`)
    if (this.isStopping) throw new BootCancelled(`boot cancelled ${where}: shutdown has begun`)
  }

  /** Installs the SIGTERM and SIGINT handlers: each begins (or repeats the notice of) shutdown. */
  handleSignals(nothingOpenYet: () => boolean = () => false) {
    for (const signal of ['SIGTERM', 'SIGINT'] as const)
      process.on(signal, () => this.onSignal(signal, nothingOpenYet))
  }

  /** A stop signal: shutdown, or an exit at once when nothing has been opened yet. */
  onSignal(signal: string, nothingOpenYet: () => boolean = () => false) {
    if (!this.isStopping && nothingOpenYet()) {
      this.#log.info(`lifecycle: ${signal} before anything was opened, exiting`)
      return (this.options.exit ?? process.exit)(0)
    }
    void this.shutdown(signal)
  }

  /** Begins shutdown once; later calls return the same promise. */
  shutdown(reason: string, options: { waitForBoot?: boolean; quiet?: boolean } = {}) {
    if (this.#shutdown) {
      this.#log.info(`lifecycle: ${reason} received, shutdown already under way`)
      return this.#shutdown
    }
    const deadlineMs = this.options.deadlineMs ?? deadlineMsFromEnv()
    // An ace command ending normally is quiet; a signal is worth a line in the log.
    this.#log[options.quiet ? 'debug' : 'info'](
      `lifecycle: ${reason}, shutting down (deadline ${deadlineMs / 1000} s)`
    )
    if (this.options.trackHandles !== false) trackNewHandles()
    // Unref'd: a process that closed everything exits at once; one that did not is ended here.
    setTimeout(() => this.#deadlinePassed(deadlineMs), deadlineMs).unref()
    this.#shutdown = this.#run(options.waitForBoot ?? true)
    return this.#shutdown
  }

  async #run(waitForBoot: boolean) {
    // A start in flight when the signal came registers its stop when it is up; starts not
    // yet begun are cancelled (start() above), so boot settles quickly.
    if (waitForBoot) await this.#boot
    for (const [index, phase] of PHASES.entries()) {
      this.#phase = index
      // Within a phase, one after the other in reverse order of start (a plugin's service may
      // use one started before it).
      const due = this.#resources.filter((r) => r.phase === phase).reverse()
      this.#resources = this.#resources.filter((r) => r.phase !== phase)
      for (const resource of due) await this.#stopOne(resource)
    }
    this.#log.debug('lifecycle: stopped')
  }

  async #stopOne(resource: Resource) {
    this.#stopping.add(resource.owner)
    try {
      await resource.stop()
    } catch (error) {
      this.#log.error(`lifecycle: stopping ${resource.owner} failed: ${(error as Error)?.message}`)
    } finally {
      this.#stopping.delete(resource.owner)
    }
  }

  #deadlinePassed(deadlineMs: number) {
    const owners = [...this.#stopping, ...(this.#bootRunning ? ['boot (still starting)'] : [])]
    const lines = openHandlesReport(owners)
    this.#log.error(
      `lifecycle: shutdown did not finish in ${deadlineMs / 1000} s; still open:\n${lines.map((l) => `  - ${l}`).join('\n')}`
    )
    ;(this.options.exit ?? process.exit)(1)
  }
}

/** The process's lifecycle. */
export const lifecycle = new Lifecycle()
