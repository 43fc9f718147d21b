import { assert } from '@japa/assert'
import { apiClient } from '@japa/api-client'
import app from '@adonisjs/core/services/app'
import type { Config } from '@japa/runner/types'
import { pluginAdonisJS } from '@japa/plugin-adonisjs'
import { spec } from '@japa/runner/reporters'
import testUtils from '@adonisjs/core/services/test_utils'
import { summaryReporter } from './summary_reporter.js'
import { recreateTestDatabase, clearRateLimits, migrateTestDatabase } from './helpers/database.js'

/*
| The suite runs against its own MariaDB database (DB_DATABASE in .env.test),
| dropped and recreated at the start of every run, then migrated (core and all
| plugins), synced and seeded with the demo bank. Each test wraps itself in a
| global transaction, so tests never see each other's writes.
*/
export const plugins: Config['plugins'] = [assert(), apiClient(), pluginAdonisJS(app)]

export const reporters: Config['reporters'] = {
  activated: ['spec', 'summary-line'],
  list: [spec(), summaryReporter()],
}

export const runnerHooks: Required<Pick<Config, 'setup' | 'teardown'>> = {
  setup: [
    async () => {
      await recreateTestDatabase()
      await clearRateLimits()
      await migrateTestDatabase()
      const { syncPlugins } = await import('#core/plugins/sync_enabled')
      await syncPlugins()
      const { seedDemoBank } = await import('#core/demo/demo_bank')
      await seedDemoBank()
      const { queue } = await import('#core/queue/queue')
      await queue.startWorker()
    },
  ],
  teardown: [
    async () => {
      const { queue } = await import('#core/queue/queue')
      await queue.close()
    },
  ],
}

export const configureSuite: Config['configureSuite'] = (suite) => {
  if (suite.name === 'functional') {
    return suite.setup(() => testUtils.httpServer().start())
  }
}
