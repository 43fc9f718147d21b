import { writeSync } from 'node:fs'
import type { NamedReporterContract } from '@japa/runner/types'

/**
 * Prints one plain `N passed, N failed, N skipped` line as the very last output
 * (on process exit, after the spec reporter's own summary): the line CI reads
 * to know the tests ran.
 */
export function summaryReporter(): NamedReporterContract {
  return {
    name: 'summary-line',
    handler: (runner, emitter) => {
      emitter.on('runner:end', () => {
        const { aggregates } = runner.getSummary()
        const skipped = aggregates.skipped + aggregates.todo
        const line = `\n${aggregates.passed} passed, ${aggregates.failed} failed, ${skipped} skipped\n`
        process.once('exit', () => writeSync(1, line))
      })
    },
  }
}
