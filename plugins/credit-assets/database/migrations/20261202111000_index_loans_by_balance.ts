import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| Sorting the risk-asset list by balance: without an index on balance_fen the
| database joins every risk asset to its loan and sorts them all (1.5 s at
| 200 000 risk assets on a million loans). With it, the list first finds the
| page's lowest balance by walking this index (loans-first, stopping after the
| page), then sorts only the rows at or above it (RiskAssetsController.balanceBound).
*/
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('ca_loans', (t) => {
      t.index(['balance_fen'], 'ca_loans_balance_fen_index')
    })
  }

  async down() {
    this.schema.alterTable('ca_loans', (t) => {
      t.dropIndex(['balance_fen'], 'ca_loans_balance_fen_index')
    })
  }
}
