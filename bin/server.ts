/*
| HTTP server entry point. `npm start` runs it through the TypeScript loader;
| `node ace build` compiles it for production.
*/
await import('reflect-metadata')
import { Ignitor, prettyPrintError } from '@adonisjs/core'

const APP_ROOT = new URL('../', import.meta.url)

const IMPORTER = (filePath: string) => {
  if (filePath.startsWith('./') || filePath.startsWith('../')) {
    return import(new URL(filePath, APP_ROOT).href)
  }
  return import(filePath)
}

new Ignitor(APP_ROOT, { importer: IMPORTER })
  .tap((app) => {
    app.booting(async () => {
      await import('#start/env')
    })
    // Stop cleanly on SIGTERM (containers, systemd) and SIGINT (Ctrl-C).
    app.listen('SIGTERM', () => app.terminate())
    app.listen('SIGINT', () => app.terminate())
  })
  .httpServer()
  .start()
  .catch((error) => {
    process.exitCode = 1
    // Plugin configuration mistakes get one plain line an operator can act on.
    if (error?.name === 'PluginKernelError' || error?.name === 'ManifestError') {
      console.error(`${error.name}: ${error.message}`)
    } else {
      prettyPrintError(error)
    }
  })
