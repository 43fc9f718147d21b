/*
| HTTP server entry point. `npm start` runs it through the TypeScript loader;
| `node ace build` compiles it for production.
*/
await import('reflect-metadata')
import { Ignitor, prettyPrintError } from '@adonisjs/core'
import { lifecycle } from '../backend/lifecycle/lifecycle.js'
import { attachApp, lifecycleHttpServer } from '../backend/lifecycle/app_lifecycle.js'

const APP_ROOT = new URL('../', import.meta.url)

const IMPORTER = (filePath: string) => {
  if (filePath.startsWith('./') || filePath.startsWith('../')) {
    return import(new URL(filePath, APP_ROOT).href)
  }
  return import(filePath)
}

const boot = new Ignitor(APP_ROOT, { importer: IMPORTER })
  .tap((app) => {
    app.booting(async () => {
      await import('#start/env')
    })
    // SIGTERM (containers, systemd) and SIGINT (Ctrl-C) stop the server at any point of
    // boot, within the deadline (backend/lifecycle, docs/operations.md "Stopping").
    attachApp(app)
  })
  .httpServer()
  .start(lifecycleHttpServer)
lifecycle.booting(boot)
boot.catch((error) => {
  // A stop signal during boot cancelled the rest of it: a normal stop.
  if (error?.name === 'BootCancelled') return
  process.exitCode = 1
  // Plugin configuration mistakes get one plain line an operator can act on.
  if (error?.name === 'PluginKernelError' || error?.name === 'ManifestError') {
    console.error(`${error.name}: ${error.message}`)
  } else {
    prettyPrintError(error)
  }
})
