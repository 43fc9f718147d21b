import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| Indexes for 风险资产台账 at a million loans (docs/performance.md):
| - ca_loans (five_class, overdue_days): the two filters a risk clerk always
|   sets; the count of matching risk assets stays inside this index and the
|   unique loan_id index of ca_risk_assets, without reading loan rows;
| - ca_risk_assets (entered_on, id): the ledger's default order (移交日期, newest
|   first) with its tie-breaker.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('ca_loans', (t) => {
      t.index(['five_class', 'overdue_days'], 'ca_loans_class_overdue_index')
    })
    this.schema.alterTable('ca_risk_assets', (t) => {
      t.index(['entered_on', 'id'], 'ca_risk_assets_entered_index')
    })
  }

  async down() {
    this.schema.alterTable('ca_risk_assets', (t) => {
      t.dropIndex(['entered_on', 'id'], 'ca_risk_assets_entered_index')
    })
    this.schema.alterTable('ca_loans', (t) => {
      t.dropIndex(['five_class', 'overdue_days'], 'ca_loans_class_overdue_index')
    })
  }
}
