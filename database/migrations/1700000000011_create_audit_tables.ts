import { BaseSchema } from '@adonisjs/lucid/schema'
import { dbNow } from '#core/db/db_time'

/** prev_hash of the first entry: the chain starts from 64 zeros. */
const GENESIS = '0'.repeat(64)

/*
| 审计日志: one hash-chained table for every auditable action.
|
| 登录日志 (auth.login, auth.login_failed, auth.logout, session.kick, …) and
| 操作日志 live in the SAME table, told apart by `category`. One table means one
| chain: a deleted failed-login row breaks the same chain as a deleted grant,
| and `audit:verify` walks one sequence. `category` is derived from the action
| when the row is written (auth.* and session.* → 'login') and indexed, so the
| 登录日志 page does not scan the operation rows.
|
| Ids are not left to AUTO_INCREMENT: the writer assigns head.last_id + 1 while
| holding the lock on audit_chain_head. AUTO_INCREMENT burns ids on rollback, so
| gaps would be normal and a deleted row could not be told from a rolled-back one;
| assigned ids are gap-free, so a gap IS a deleted row.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('audit_logs', (table) => {
      table.bigIncrements('id')
      /** Local wall time as 'YYYY-MM-DD HH:mm:ss' (dbNow), taken under the chain lock, so it never runs backwards along ids. */
      table.dateTime('occurred_at').notNullable()
      table.string('category', 16).notNullable()
      table.integer('user_id').unsigned().nullable()
      table.string('username', 64).nullable()
      table.integer('org_id').unsigned().nullable()
      table.string('org_name', 100).nullable()
      table.string('ip', 64).nullable()
      table.string('user_agent', 500).nullable()
      table.string('request_id', 64).nullable()
      table.string('action', 64).notNullable()
      table.string('entity_type', 64).nullable()
      table.string('entity_id', 64).nullable()
      table.string('result', 16).notNullable()
      table.text('detail').nullable()
      /** Masked JSON text. Not a JSON column: MySQL would re-serialise it and the stored text is what the hash covers. */
      table.text('before_json', 'mediumtext').nullable()
      table.text('after_json', 'mediumtext').nullable()
      table.string('prev_hash', 64).notNullable()
      table.string('hash', 64).notNullable()
      // No foreign keys on user_id / org_id: a log outlives the user or org it names.
      table.index(['category', 'occurred_at'], 'audit_logs_category_time_index')
      table.index(['occurred_at'], 'audit_logs_time_index')
      table.index(['action', 'occurred_at'], 'audit_logs_action_time_index')
      table.index(['username'], 'audit_logs_username_index')
      table.index(['user_id'], 'audit_logs_user_index')
      table.index(['org_id'], 'audit_logs_org_index')
      table.index(['entity_type', 'entity_id'], 'audit_logs_entity_index')
    })

    /** One row (id 1): the end of the chain. Writers lock it, so two app nodes never fork the chain. */
    this.schema.createTable('audit_chain_head', (table) => {
      table.integer('id').primary()
      table.bigInteger('last_id').notNullable()
      table.string('last_hash', 64).notNullable()
      table.timestamp('updated_at').notNullable()
    })

    this.defer(async (db) => {
      await db
        .table('audit_chain_head')
        .insert({ id: 1, last_id: 0, last_hash: GENESIS, updated_at: dbNow() })
    })
  }

  async down() {
    this.schema.dropTable('audit_chain_head')
    this.schema.dropTable('audit_logs')
  }
}
