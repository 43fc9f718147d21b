import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 通知公告: notices, who they are addressed to, and who has read them.
| A notice is a draft until published; a published notice can be revoked
| (撤销) but never edited, so what a reader saw is what the bank sent.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('notices', (table) => {
      table.increments('id')
      table.string('title', 200).notNullable()
      /** Dictionary `notice_kind`: notice 通知 | announcement 公告 | urgent 紧急通知 (admins may add more). */
      table.string('kind', 64).notNullable()
      /** Sanitised on the server before it is stored (backend/notices/sanitize_html.ts); MEDIUMTEXT on MySQL for long rich text with tables. */
      table.text('content_html', 'mediumtext').notNullable()
      /** draft | published | revoked */
      table.string('status', 16).notNullable().defaultTo('draft')
      /** all (every signed-in user) | targeted (rows in notice_targets) */
      table.string('audience', 16).notNullable().defaultTo('all')
      table.timestamp('published_at').nullable()
      table.integer('published_by').unsigned().nullable().references('id').inTable('users')
      table.timestamp('revoked_at').nullable()
      table.integer('revoked_by').unsigned().nullable().references('id').inTable('users')
      table.integer('created_by').unsigned().notNullable().references('id').inTable('users')
      /** The creator's org: the management list is data-scoped on it (and on created_by for "self"). */
      table.integer('org_id').unsigned().notNullable().references('id').inTable('orgs')
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['status', 'published_at'], 'notices_status_published_index')
      table.index(['org_id'], 'notices_org_index')
    })

    /** Union of targets: a user is addressed when any one row matches them. */
    this.schema.createTable('notice_targets', (table) => {
      table.increments('id')
      table
        .integer('notice_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('notices')
        .onDelete('CASCADE')
      /** org (that org only) | org_and_below (the org and its subtree) | role */
      table.string('target_type', 16).notNullable()
      /** orgs.id or roles.id, by target_type (no FK: it points at one of two tables). */
      table.integer('target_id').unsigned().notNullable()
      table.unique(['notice_id', 'target_type', 'target_id'])
      table.index(['target_type', 'target_id'], 'notice_targets_target_index')
    })

    this.schema.createTable('notice_reads', (table) => {
      table
        .integer('notice_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('notices')
        .onDelete('CASCADE')
      table
        .integer('user_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.timestamp('read_at').notNullable()
      table.primary(['notice_id', 'user_id'])
      table.index(['user_id'], 'notice_reads_user_index')
    })
  }

  async down() {
    this.schema.dropTable('notice_reads')
    this.schema.dropTable('notice_targets')
    this.schema.dropTable('notices')
  }
}
