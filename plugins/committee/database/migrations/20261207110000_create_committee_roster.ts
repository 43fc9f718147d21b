import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 委员名单: the standing people of each organising org's committee (总行, each 分行)
| — chair, secretary, members — configured on 议事规则 and proposed when a meeting
| of that org is created (the meeting keeps its own list; a change here never
| touches a meeting already called).
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('committee_roster', (t) => {
      t.increments('id')
      t.integer('org_id').unsigned().notNullable()
      t.integer('user_id').unsigned().notNullable()
      /** chair | secretary | member (a chair is listed as chair, and votes). */
      t.string('role', 16).notNullable()
      t.integer('seq').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.unique(['org_id', 'user_id', 'role'])
      t.index(['org_id'])
    })
  }

  async down() {
    this.schema.dropTableIfExists('committee_roster')
  }
}
