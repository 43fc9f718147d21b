import { BaseSchema } from '@adonisjs/lucid/schema'

/* Password history (reuse ban), login captchas, and the client MAC a portal may pass on a session. */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('password_history', (table) => {
      table.increments('id')
      table
        .integer('user_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.string('password_hash', 255).notNullable()
      table.timestamp('created_at').notNullable()
      table.index(['user_id'])
    })

    /** One-time image captchas: stored server-side so any app node can check them. */
    this.schema.createTable('login_captchas', (table) => {
      table.string('id', 36).primary()
      table.string('answer_hash', 128).notNullable()
      table.timestamp('expires_at').notNullable()
    })

    this.schema.alterTable('auth_access_tokens', (table) => {
      table.string('client_mac', 64).nullable()
    })
  }

  async down() {
    this.schema.alterTable('auth_access_tokens', (table) => {
      table.dropColumn('client_mac')
    })
    this.schema.dropTable('login_captchas')
    this.schema.dropTable('password_history')
  }
}
