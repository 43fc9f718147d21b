import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 目标管理 (spec §2.3): 压降 (reduction) and 清收 (recovery) targets an org issues
| to the orgs below it, per year and half-year. 总行目标 are the head office's
| targets for its branches, 分行目标 a branch's targets for its sub-branches
| (`level`, fixed by the target org's depth when the row is written).
| What counts as done is computed from credit-assets, never stored
| (services/actuals.ts), so tracking always agrees with the loan book.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('targets_tasks', (t) => {
      t.increments('id')
      /** The org the target is assigned to (its whole subtree's results count). */
      t.integer('org_id').unsigned().notNullable()
      /** head 总行目标 | branch 分行目标 */
      t.string('level', 16).notNullable()
      t.integer('year').notNullable()
      /** H1 上半年 | H2 下半年 | Y 全年 */
      t.string('period', 4).notNullable()
      /** reduction 压降 | recovery 清收 */
      t.string('kind', 16).notNullable()
      t.bigInteger('amount_fen').notNullable()
      t.string('remark', 500).nullable()
      t.integer('created_by').unsigned().notNullable()
      t.integer('updated_by').unsigned().nullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.unique(['org_id', 'year', 'period', 'kind'])
      t.index(['level', 'year'])
    })
  }

  async down() {
    this.schema.dropTable('targets_tasks')
  }
}
