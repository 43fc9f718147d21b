import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 四眼原则 (maker-checker): a security-sensitive change proposed by one
| administrator waits here until a second one approves it; only then is it applied.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('pending_changes', (table) => {
      table.increments('id')
      table.string('kind', 64).notNullable()
      table.string('summary', 500).notNullable()
      table.text('payload').notNullable()
      /** pending | approved | rejected | withdrawn | failed */
      table.string('status', 16).notNullable().defaultTo('pending')
      table.integer('requested_by').unsigned().notNullable().references('id').inTable('users')
      table.integer('requested_org_id').unsigned().notNullable().references('id').inTable('orgs')
      table.timestamp('requested_at').notNullable()
      table.integer('decided_by').unsigned().nullable().references('id').inTable('users')
      table.timestamp('decided_at').nullable()
      table.string('decision_comment', 500).nullable()
      table.text('error').nullable()
      table.index(['status', 'kind'])
    })
  }

  async down() {
    this.schema.dropTable('pending_changes')
  }
}
