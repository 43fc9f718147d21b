import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| The deadlines a case has registered with the core reminder engine (开庭, 上诉期,
| 申请执行期间, 保全到期 and 续封): one row per deadline, kept in step with the
| engine by deadlines/case_deadlines.ts, so the 诉讼台账 (next deadline) and the
| home-page widget read them with the case's data scope in one join.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('lit_case_deadlines', (t) => {
      t.increments('id')
      t.integer('case_id').unsigned().notNullable()
      /** hearing, appeal, enforcement, preservation_expiry, preservation_renewal */
      t.string('kind', 32).notNullable()
      /** The hearing, judgment or preservation it comes from. */
      t.integer('ref_id').unsigned().notNullable()
      t.date('due_date').notNullable()
      t.string('title', 200).notNullable()
      t.string('rule', 300).notNullable()
      t.unique(['case_id', 'kind', 'ref_id'])
      t.index(['due_date'])
    })
  }

  async down() {
    this.schema.dropTable('lit_case_deadlines')
  }
}
