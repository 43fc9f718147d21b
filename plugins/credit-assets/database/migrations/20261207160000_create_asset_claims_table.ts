import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 资产占用 (asset claims): which open application holds a loan — a 核销方案, a
| 批量转让项目, a 债权转让申请 … — one holder per loan (the primary key), so two
| plugins' applications racing for one loan cannot both hold it. Written only
| through services/asset_claims.ts; read by other plugins through the
| `assetClaims` lookup.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('ca_asset_claims', (t) => {
      t.integer('loan_id').unsigned().primary()
      // The holding plugin's id and its record ("plan:12"); the label names it for a clerk.
      t.string('holder', 40).notNullable()
      t.string('holder_ref', 64).notNullable()
      t.string('label', 200).notNullable()
      t.timestamp('claimed_at').notNullable()
      t.index(['holder', 'holder_ref'])
    })
  }

  async down() {
    this.schema.dropTable('ca_asset_claims')
  }
}
