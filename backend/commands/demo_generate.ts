import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { runJobInProcess } from '#core/jobs/command_jobs'

/*
| Builds a demo bank of a chosen size for benchmarks and load tests:
|   node ace demo:generate --customers 100000 --loans 1000000 [--seed 20261124]
| Each enabled plugin that declares `demo.generator` in its manifest runs that job
| (in plugin dependency order) with `{ customers, loans, seed }`; the core knows
| the jobs only by name. Rows are appended to what the database already holds,
| and each generator prints its time and rows per second.
*/
export default class DemoGenerate extends BaseCommand {
  static commandName = 'demo:generate'
  static description =
    'Generate a demo bank of N customers and M loans (plugins with a demo generator)'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'Customers to create', default: 2000 })
  declare customers: number

  @flags.number({ description: 'Loans (借据) to create', default: 5000 })
  declare loans: number

  @flags.number({ description: 'Random seed (same seed, same bank)' })
  declare seed?: number

  async run() {
    for (const [name, value] of [
      ['customers', this.customers],
      ['loans', this.loans],
      ['seed', this.seed],
    ] as const) {
      if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
        this.logger.error(`--${name} must be a whole number ≥ 0`)
        this.exitCode = 1
        return
      }
    }
    const { enabledPlugins } = await import('#core/plugins/registry')
    const generators = (await enabledPlugins())
      .map((plugin) => plugin.manifest.demo?.generator)
      .filter((job): job is string => Boolean(job))
    if (!generators.length) {
      this.logger.error('no enabled plugin declares a demo generator (manifest demo.generator)')
      this.exitCode = 1
      return
    }
    const started = performance.now()
    for (const job of generators) {
      await runJobInProcess(this, job, {
        customers: this.customers,
        loans: this.loans,
        ...(this.seed === undefined ? {} : { seed: this.seed }),
      })
    }
    const ms = Math.max(1, Math.round(performance.now() - started))
    this.logger.success(
      `demo bank: ${this.customers} customers, ${this.loans} loans in ${ms} ms ` +
        `(${Math.round((this.loans * 1000) / ms)} loans/s)`
    )
  }
}
