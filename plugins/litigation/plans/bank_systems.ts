/*
| Where 诉前方案 gets the bank's systems: bank-systems' public adapter object, imported
| lazily so a bank-systems module that fails to load marks the facts unavailable
| instead of breaking the form. Tests may put a whole fake in with `use(fake)`.
*/
import logger from '@adonisjs/core/services/logger'
import type { BankSystems } from '../../bank-systems/adapters/contracts.js'

let override: BankSystems | null = null

export const litigationBankSystems = {
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
