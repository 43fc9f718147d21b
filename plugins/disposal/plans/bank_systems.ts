/*
| Where plans get the bank's systems: bank-systems' public adapter object
| (`plugins/bank-systems/adapters/index.ts`, documented in its README as what
| business plugins call — see docs/plugins.md "Sharing a plugin's data and
| services"). Imported lazily, so a bank-systems module that fails to load
| marks the sections unavailable instead of breaking the form. Tests may put
| a whole fake in with `planBankSystems.use(fake)`.
*/
import logger from '@adonisjs/core/services/logger'
import type { BankSystems } from '../../bank-systems/adapters/contracts.js'

let override: BankSystems | null = null

export const planBankSystems = {
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
