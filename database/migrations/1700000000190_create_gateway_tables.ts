import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| API 网关 (接入系统): the external systems that call us, the interfaces each may
| call, the per-interface switch and the inbound call log (backend/gateway).
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('gateway_clients', (table) => {
      table.increments('id')
      /** The calling system, e.g. `credit-portal` (信贷门户). */
      table.string('code', 64).notNullable().unique()
      table.string('name', 100).notNullable()
      /** Public key id the caller sends in X-Gateway-Key. */
      table.string('key_id', 40).notNullable().unique()
      /** HMAC secret, AES-256-GCM (backend/security/sensitive): the server must recompute signatures. */
      table.string('secret_enc', 255).notNullable()
      /** The secret before the last rotation, accepted until previous_valid_until. */
      table.string('previous_secret_enc', 255).nullable()
      table.dateTime('previous_valid_until').nullable()
      table.boolean('enabled').notNullable().defaultTo(true)
      /** Calls per minute (sliding window) for the whole system. */
      table.integer('rate_limit_per_minute').notNullable().defaultTo(60)
      table.string('remark', 255).nullable()
      table.dateTime('rotated_at').nullable()
      table.dateTime('created_at').notNullable()
      table.dateTime('updated_at').notNullable()
    })
    this.schema.createTable('gateway_grants', (table) => {
      table.increments('id')
      table
        .integer('client_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('gateway_clients')
      /** `<plugin id>.<interface code>`. */
      table.string('interface_code', 120).notNullable()
      table.dateTime('created_at').notNullable()
      table.unique(['client_id', 'interface_code'])
    })
    this.schema.createTable('gateway_interfaces', (table) => {
      table.increments('id')
      table.string('code', 120).notNullable().unique()
      table.boolean('enabled').notNullable().defaultTo(true)
      table.dateTime('updated_at').notNullable()
    })
    this.schema.createTable('gateway_calls', (table) => {
      table.bigIncrements('id')
      table.integer('client_id').unsigned().nullable()
      table.string('client_code', 64).nullable()
      table.string('key_id', 40).nullable()
      table.string('interface_code', 120).nullable()
      table.string('method', 8).notNullable()
      table.string('path', 300).notNullable()
      table.string('nonce', 64).nullable()
      table.string('ip', 64).nullable()
      /** ok | unsigned | unknown_key | bad_signature | expired | replayed | closed | interface_closed | forbidden | rate_limited | invalid | not_found | error */
      table.string('outcome', 24).notNullable()
      table.integer('http_status').notNullable()
      table.integer('duration_ms').notNullable()
      table.text('request_masked', 'mediumtext').nullable()
      table.text('response_masked', 'mediumtext').nullable()
      table.dateTime('started_at', { precision: 3 }).notNullable()
      table.index(['started_at'])
      table.index(['client_id', 'started_at'])
      table.index(['interface_code', 'started_at'])
    })
  }

  async down() {
    this.schema.dropTable('gateway_calls')
    this.schema.dropTable('gateway_interfaces')
    this.schema.dropTable('gateway_grants')
    this.schema.dropTable('gateway_clients')
  }
}
