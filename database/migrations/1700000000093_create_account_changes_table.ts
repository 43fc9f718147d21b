import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 四眼原则 across accounts: who created or changed which user account, and
| when. A checker may not approve a change whose maker created or changed the
| checker's own account within the review window (backend/four_eyes/account_links.ts),
| so one administrator cannot approve their own change with a second account.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('account_changes', (table) => {
      table.increments('id')
      table.integer('user_id').unsigned().notNullable().references('id').inTable('users')
      table.integer('changed_by').unsigned().notNullable().references('id').inTable('users')
      /** user.create | user.update | user.status | user.password | user.delete | a four-eyes kind */
      table.string('kind', 64).notNullable()
      table.timestamp('changed_at').notNullable()
      table.index(['user_id', 'changed_by', 'changed_at'])
    })
  }

  async down() {
    this.schema.dropTable('account_changes')
  }
}
