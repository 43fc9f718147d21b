/*
| Where the customer view gets the bank's systems: the bank-systems plugin's
| `bankSystems` (HTTP adapters against 服务管理's URLs — the simulator in the
| demo; a bank swaps one with its `useAdapter`). Tests put a whole fake in with
| `bankSystemsSource.use(fake)`. Imported lazily, so an adapter module that
| fails to load marks the external panels unavailable instead of breaking the
| customer view.
*/
import logger from '@adonisjs/core/services/logger'
import type { BankSystems } from '../../bank-systems/adapters/contracts.js'

let override: BankSystems | null = null

export const bankSystemsSource = {
  /** Tests: answer with these adapters until `restore()`. */
  use(systems: BankSystems) {
    override = systems
  },
  restore() {
    override = null
  },
  async get(): Promise<BankSystems | null> {
    if (override) return override
    try {
      return (await import('../../bank-systems/adapters/index.js')).bankSystems
    } catch (error) {
      logger.error({ err: error }, 'bank-systems adapters failed to load')
      return null
    }
  },
}
