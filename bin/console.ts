/*
| Boots the application for ace commands (migrations, make:plugin, seeders, …).
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
    app.listen('SIGTERM', () => app.terminate())
    app.listenIf(app.managedByPm2, 'SIGINT', () => app.terminate())
  })
  .ace()
  .handle(process.argv.splice(2))
  .catch((error) => {
    process.exitCode = 1
    // Plugin configuration mistakes get one plain line an operator can act on.
    if (error?.name === 'PluginKernelError' || error?.name === 'ManifestError') {
      console.error(`${error.name}: ${error.message}`)
    } else {
      prettyPrintError(error)
    }
  })
