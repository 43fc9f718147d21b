/*
| Boots the application for ace commands (migrations, make:plugin, seeders, …).
*/
await import('reflect-metadata')
import { Ignitor, prettyPrintError } from '@adonisjs/core'
import type { ApplicationService } from '@adonisjs/core/types'
import { lifecycle } from '../backend/lifecycle/lifecycle.js'
import { attachApp } from '../backend/lifecycle/app_lifecycle.js'

const APP_ROOT = new URL('../', import.meta.url)

const IMPORTER = (filePath: string) => {
  if (filePath.startsWith('./') || filePath.startsWith('../')) {
    return import(new URL(filePath, APP_ROOT).href)
  }
  return import(filePath)
}

let started!: Promise<unknown>
const handled = new Ignitor(APP_ROOT, { importer: IMPORTER })
  .tap((app: ApplicationService) => {
    app.booting(async () => {
      await import('#start/env')
    })
    // SIGTERM and SIGINT stop a command that boots the app (queue:work, migrations, seeders)
    // within the deadline; boot is waited for, the command's own work is not.
    attachApp(app, { signalsAtBoot: true })
    started = new Promise((resolve) => app.ready(() => resolve(undefined)))
  })
  .ace()
  .handle(process.argv.splice(2))
lifecycle.booting(started ? Promise.race([started, handled]) : handled)
handled.catch((error) => {
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
