import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/*
| Runs one registered job (core's or an enabled plugin's) in this process and
| prints its progress and result, e.g. the demo loan-book generator:
|   node ace plugins:run credit-assets:demo-generate --payload '{"customers":2000,"loans":5000}'
| The core knows jobs only by name through the registry; it imports no plugin.
| The run is not recorded in job_runs: it is an operator's command, not queued work.
*/
export default class PluginsRun extends BaseCommand {
  static commandName = 'plugins:run'
  static description = 'Run a registered job in-process with a JSON payload and print its progress'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Job name, e.g. credit-assets:demo-generate' })
  declare job: string

  @flags.string({ description: 'JSON payload handed to the job', default: '{}' })
  declare payload: string

  async run() {
    const { jobRegistry } = await import('#core/queue/job_registry')
    if (!jobRegistry.has(this.job)) {
      const known = jobRegistry
        .all()
        .map((j) => j.name)
        .sort()
      this.logger.error(
        `Unknown job "${this.job}". Registered jobs: ${known.join(', ') || '(none)'}`
      )
      this.exitCode = 1
      return
    }
    let payload: unknown
    try {
      payload = JSON.parse(this.payload)
    } catch {
      this.logger.error(`--payload is not valid JSON: ${this.payload}`)
      this.exitCode = 1
      return
    }
    const handler = await jobRegistry.handler(this.job)
    const started = performance.now()
    const result = await handler({
      jobId: `cli-${Date.now()}`,
      payload,
      progress: async (percent, message) => {
        this.logger.info(`[${this.job}] ${Math.round(percent)}%${message ? ` ${message}` : ''}`)
      },
    })
    this.printResult(result)
    this.logger.success(`${this.job} finished in ${Math.round(performance.now() - started)} ms`)
  }

  /** Tables of `{ table, rows, ms, rowsPerSecond }` print as a table; everything else as JSON. */
  private printResult(result: unknown) {
    const tables = (result as { tables?: unknown })?.tables
    if (Array.isArray(tables) && tables.every((t) => t && typeof t === 'object' && 'table' in t)) {
      const table = this.ui.table()
      table.head(['table', 'rows', 'ms', 'rows/s'])
      for (const t of tables)
        table.row([String(t.table), String(t.rows), String(t.ms), String(t.rowsPerSecond)])
      table.render()
      const rest = { ...(result as Record<string, unknown>) }
      delete rest.tables
      this.logger.log(JSON.stringify(rest, null, 2))
      return
    }
    this.logger.log(JSON.stringify(result ?? null, null, 2))
  }
}
