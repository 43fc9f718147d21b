import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| ca_guarantees (loan_id, guarantee_type): a loan's 担保结构 (its strongest
| guarantee: 抵押 > 质押 > 保证 > 信用) is read from this index alone, without
| the guarantee rows — a 50 000-loan 资产池 reads it for every loan it copies.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('ca_guarantees', (t) => {
      t.index(['loan_id', 'guarantee_type'], 'ca_guarantees_loan_type_index')
    })
  }

  async down() {
    this.schema.alterTable('ca_guarantees', (t) => {
      t.dropIndex(['loan_id', 'guarantee_type'], 'ca_guarantees_loan_type_index')
    })
  }
}
