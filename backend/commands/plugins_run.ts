import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { runJobInProcess } from '#core/jobs/command_jobs'

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
    await runJobInProcess(this, this.job, payload)
  }
}
