import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 服务管理 (external systems): which systems and interfaces are switched on and
| where they live, the call log, and the transactional outbox for calls that
| change money in another system. Definitions (names, schemas) live in code
| (backend/connectors/registry.ts); only what administrators change is stored.
|
| Times that drive retries and claims keep milliseconds (datetime(3)), so a
| short back-off is not rounded to a whole second.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('connector_systems', (table) => {
      table.increments('id')
      table.string('code', 64).notNullable().unique()
      table.boolean('enabled').notNullable().defaultTo(true)
      table.string('base_url', 500).nullable()
      /** unknown | up | down — from the last health probe or call. */
      table.string('status', 16).notNullable().defaultTo('unknown')
      /** closed | open | half_open | isolated — the circuit breaker's last reported state. */
      table.string('breaker_state', 16).notNullable().defaultTo('closed')
      table.timestamp('last_checked_at').nullable()
      table.string('last_error', 1000).nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })

    this.schema.createTable('connector_interfaces', (table) => {
      table.increments('id')
      table.string('system_code', 64).notNullable()
      table.string('code', 64).notNullable()
      table.boolean('enabled').notNullable().defaultTo(true)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.unique(['system_code', 'code'])
    })

    this.schema.createTable('connector_calls', (table) => {
      table.bigIncrements('id')
      table.string('system_code', 64).notNullable()
      table.string('interface_code', 64).notNullable()
      table.string('direction', 16).notNullable()
      table.datetime('started_at', { precision: 3 }).notNullable()
      table.integer('duration_ms').notNullable().defaultTo(0)
      /** success | failure */
      table.string('status', 16).notNullable()
      table.integer('http_status').nullable()
      table.integer('attempt').notNullable().defaultTo(1)
      /** timeout | unavailable | http | disabled | breaker_open (ConnectorError kinds). */
      table.string('error_kind', 16).nullable()
      table.string('error', 1000).nullable()
      table.text('request_masked').nullable()
      table.text('response_masked').nullable()
      table.string('correlation_id', 64).nullable()
      table.string('idempotency_key', 128).nullable()
      table.index(['system_code', 'started_at'])
      table.index(['started_at'])
    })

    this.schema.createTable('outbox_messages', (table) => {
      table.bigIncrements('id')
      table.string('idempotency_key', 128).notNullable().unique()
      table.string('system_code', 64).notNullable()
      table.string('interface_code', 64).notNullable()
      table.text('payload', 'mediumtext').notNullable()
      /** pending | sent | dead (dead: gave up after the maximum attempts; an operator may retry). */
      table.string('status', 16).notNullable().defaultTo('pending')
      table.integer('attempts').notNullable().defaultTo(0)
      table.datetime('next_attempt_at', { precision: 3 }).notNullable()
      /** The worker holding the message and until when; an expired claim is free again (crash recovery). */
      table.string('claimed_by', 64).nullable()
      table.datetime('claimed_until', { precision: 3 }).nullable()
      table.string('last_error', 1000).nullable()
      table.integer('last_http_status').nullable()
      table.string('correlation_id', 64).nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('sent_at').nullable()
      table.text('ack').nullable()
      table.index(['status', 'next_attempt_at'])
      table.index(['system_code', 'status'])
    })
  }

  async down() {
    this.schema.dropTable('outbox_messages')
    this.schema.dropTable('connector_calls')
    this.schema.dropTable('connector_interfaces')
    this.schema.dropTable('connector_systems')
  }
}
