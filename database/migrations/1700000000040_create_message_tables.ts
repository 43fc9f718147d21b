import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 消息提醒: in-app messages (站内信) addressed to one user each, the delivery of
| each message over the other channels (e-mail, SMS), and what each user muted.
| A message row is written in the business transaction; deliveries are queued
| after it commits, so a failing channel never blocks the business action.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('messages', (table) => {
      table.bigIncrements('id')
      table
        .integer('user_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      /** Message type code (`workflow.task`, `deadline.reminder`, `<plugin>.<name>`). */
      table.string('type', 64).notNullable()
      table.string('title', 200).notNullable()
      table.text('body').nullable()
      /** Console path the message opens (e.g. `/workflow/instances/12`). */
      table.string('link', 500).nullable()
      /** JSON text: the template data the e-mail/SMS bodies were built from. */
      table.text('data').nullable()
      table.timestamp('read_at').nullable()
      table.timestamp('created_at').notNullable()
      table.index(['user_id', 'read_at'], 'messages_user_read_index')
      table.index(['user_id', 'id'], 'messages_user_id_index')
    })

    /** One row per message and non-in-app channel: what happened to the e-mail or SMS. */
    this.schema.createTable('message_deliveries', (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('message_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('messages')
        .onDelete('CASCADE')
      /** email | sms */
      table.string('channel', 16).notNullable()
      /** queued | sent | failed | skipped (no address, channel not configured) */
      table.string('status', 16).notNullable()
      table.integer('attempts').notNullable().defaultTo(0)
      /** Why it failed or was skipped (short, no secrets). */
      table.string('detail', 500).nullable()
      table.timestamp('sent_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.unique(['message_id', 'channel'])
      table.index(['status'], 'message_deliveries_status_index')
    })

    /** A row means the user muted an OPTIONAL channel of a message type. */
    this.schema.createTable('message_mutes', (table) => {
      table
        .integer('user_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.string('type', 64).notNullable()
      table.string('channel', 16).notNullable()
      table.timestamp('created_at').notNullable()
      table.primary(['user_id', 'type', 'channel'])
    })
  }

  async down() {
    this.schema.dropTable('message_mutes')
    this.schema.dropTable('message_deliveries')
    this.schema.dropTable('messages')
  }
}
