/*
| Wires an AdonisJS app (bin/server.ts, bin/console.ts) to the process
| lifecycle before it boots: SIGTERM and SIGINT begin shutdown at any point of
| boot, the app's providers (database pools, queue and Redis connections, the
| PDF browser) close in the last phase, and an app.terminate() from inside the
| app (an HTTP server crash, an ace command ending) runs the lifecycle too.
*/
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { ApplicationService } from '@adonisjs/core/types'
import { lifecycle } from './lifecycle.js'
import { randomUUID } from 'node:crypto'

export function attachApp(app: ApplicationService, options: { signalsAtBoot?: boolean } = {}) {
  // Providers open pools and connections lazily, never while booting: until the app has
  // booted, a signal has nothing to close and ends the process at once.
  const nothingOpenYet = () => !app.isBooted
  if (options.signalsAtBoot) handleSignalsAtBoot(app, nothingOpenYet)
  else lifecycle.handleSignals(nothingOpenYet)
  lifecycle.register('app providers (database, queue, Redis)', () => app.terminate(), 'connections')
  app.terminating(() => {
    // Started by the lifecycle (its last phase): nothing to add. Otherwise the caller may be
    // boot itself (a command giving up), so do not wait for boot to settle.
    if (!lifecycle.isStopping)
      return lifecycle.shutdown('app terminating', { waitForBoot: false, quiet: true })
  })
  app.booted(async () => {
    const logger = await app.container.make('logger')
    lifecycle.useLog({
      debug: (message) => logger.debug(message),
      info: (message) => logger.info(message),
      error: (message) => logger.error(message),
    })
  })
  // A signal before the HTTP server listens cancels the rest of boot at the next of these.
  app.booted(() => lifecycle.checkpoint('after the providers booted'))
  app.starting(() => lifecycle.checkpoint('before the preloads'))
}

/**
 * Ace: commands that never boot the app (serve, test, make:*) keep their behaviour — SIGINT
 * ends them, SIGTERM is ignored (`serve` must not die and leave its server behind). Once a
 * command boots the app the lifecycle takes both; a SIGTERM that came before ends it then.
 */
function handleSignalsAtBoot(app: ApplicationService, nothingOpenYet: () => boolean) {
  let early: string | null = null
  const remember = () => (early = 'SIGTERM')
  process.on('SIGTERM', remember)
  app.booting(() => {
    process.off('SIGTERM', remember)
    lifecycle.handleSignals(nothingOpenYet)
    if (early) lifecycle.onSignal(early, nothingOpenYet)
  })
}

/** The HTTP server, registered with the lifecycle once it listens (also when that is after a signal). */
export function lifecycleHttpServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void
): Server {
  lifecycle.checkpoint('before the HTTP server listens')
  // The request id (audit rows, log lines): a UUID from Node's pooled random bytes here,
  // before the framework would make a cuid2 — a SHA-3 in JavaScript, 2–3 % of the server's
  // CPU per request in the authenticated-throughput profile (docs/performance.md). An id the
  // client or a proxy sent is kept, as the framework does.
  const server = createServer((req, res) => {
    if (!req.headers['x-request-id']) req.headers['x-request-id'] = randomUUID()
    handler(req, res)
  })
  server.once('listening', () =>
    lifecycle.register(
      'http server',
      () =>
        new Promise<void>((resolve) => {
          // In-flight requests finish; idle keep-alive connections are closed now.
          server.close(() => resolve())
          server.closeIdleConnections()
        }),
      'http'
    )
  )
  return server
}
