/*
| Running a registered job inside an ace command (plugins:run, demo:generate): its
| progress goes to the console and its result prints as a table when it reports
| `{ tables: [{ table, rows, ms, rowsPerSecond }] }` (the generators do), else as JSON.
*/
import type { BaseCommand } from '@adonisjs/core/ace'

export async function runJobInProcess(command: BaseCommand, job: string, payload: unknown) {
  const { jobRegistry } = await import('#core/queue/job_registry')
  const handler = await jobRegistry.handler(job)
  const started = performance.now()
  const result = await handler({
    jobId: `cli-${Date.now()}`,
    payload,
    progress: async (percent, message) => {
      command.logger.info(`[${job}] ${Math.round(percent)}%${message ? ` ${message}` : ''}`)
    },
  })
  printJobResult(command, result)
  command.logger.success(`${job} finished in ${Math.round(performance.now() - started)} ms`)
  return result
}

export function printJobResult(command: BaseCommand, result: unknown) {
  const tables = (result as { tables?: unknown })?.tables
  if (Array.isArray(tables) && tables.every((t) => t && typeof t === 'object' && 'table' in t)) {
    const table = command.ui.table()
    table.head(['table', 'rows', 'ms', 'rows/s'])
    for (const t of tables)
      table.row([String(t.table), String(t.rows), String(t.ms), String(t.rowsPerSecond)])
    table.render()
    const rest = { ...(result as Record<string, unknown>) }
    delete rest.tables
    command.logger.log(JSON.stringify(rest, null, 2))
    return
  }
  command.logger.log(JSON.stringify(result ?? null, null, 2))
}
