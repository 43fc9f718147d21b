import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| Filtering the risk-asset list (or any loan list) by five-category class across
| all orgs: without an index led by five_class the database joins every risk
| asset to its loan first (1.6 s at 70 000 risk assets on a million loans);
| with it, it reads the class's loans and probes ca_risk_assets by loan_id (30 ms).
*/
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('ca_loans', (t) => {
      t.index(['five_class'], 'ca_loans_five_class_index')
    })
  }

  async down() {
    this.schema.alterTable('ca_loans', (t) => {
      t.dropIndex(['five_class'], 'ca_loans_five_class_index')
    })
  }
}
