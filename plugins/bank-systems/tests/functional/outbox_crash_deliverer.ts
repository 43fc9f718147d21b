/*
| The outbox deliverer that outbox_crash.spec.ts kills: a separate process that
| boots the app (console environment: no web server, no queue worker) and
| drains the outbox with the real `outbox.deliverDue` until no core-banking
| message of the test (keys `crash:…`) is pending. Options come as JSON in OUTBOX_CRASH_OPTIONS.
|
| Why not the web server's own scheduler: its tick (15 s), claim TTL (2 min)
| and call timeout (10 s) are fixed in outbox_scheduler.ts / outbox.ts, so a
| crash-and-recover run through it would take minutes. This process runs the
| same delivery code with short claims, which is what the crash is about.
*/
await import('reflect-metadata')
import { Ignitor } from '@adonisjs/core'

const APP_ROOT = new URL('../../../../', import.meta.url)
const importer = (filePath: string) =>
  filePath.startsWith('./') || filePath.startsWith('../')
    ? import(new URL(filePath, APP_ROOT).href)
    : import(filePath)

const app = new Ignitor(APP_ROOT, { importer })
  .tap((tapped) => {
    tapped.booting(async () => {
      await import('#start/env')
    })
  })
  .createApp('console')

await app.init()
await app.boot()
await app.start(async () => {
  const { default: db } = await import('@adonisjs/lucid/services/db')
  const { outbox } = await import('#core/connectors/outbox')
  const { connectorRegistry } = await import('#core/connectors/registry')
  const options = JSON.parse(process.env.OUTBOX_CRASH_OPTIONS ?? '{}')
  // At a 50 % error rate the default breaker would pause core banking for 30 s;
  // the crash test is about claims and dedup, not the breaker.
  connectorRegistry.system('core-banking')!.breaker = {
    consecutiveFailures: 100_000,
    halfOpenAfterMs: 50,
  }
  const pending = async () =>
    Number(
      (
        await db
          .from('outbox_messages')
          .where('system_code', 'core-banking')
          .where('status', 'pending')
          .where('idempotency_key', 'like', 'crash:%')
          .count('* as n')
          .first()
      )?.n ?? 0
    )
  console.log('deliverer ready')
  // Claims left by a killed deliverer are not due until they expire: keep polling.
  while ((await pending()) > 0) {
    const counts = await outbox.deliverDue(options)
    console.log(`round ${JSON.stringify(counts)}`)
    if (!counts.sent && !counts.retry) await new Promise((r) => setTimeout(r, 100))
  }
  console.log('deliverer done')
})
await app.terminate()
process.exit(0)
