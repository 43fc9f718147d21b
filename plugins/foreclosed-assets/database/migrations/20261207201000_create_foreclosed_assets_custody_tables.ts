import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 定期检查, 资产保管 and 资产处置 of 抵债资产:
| - checks: one row per 定期检查 (status, occupancy, damage, value found);
|   photos: each a file kept here and sent to the 影像平台 through the outbox
|   (`upload_key`), filed (`doc_no`) once the platform acknowledged it.
| - reconciliations: 账实核对 (book vs physical).
| - leases: 临时经营 (tenant, rent per period, term, the next rent due date).
| - entries: 保管收入/支出 registration; an expense also goes to the expenses
|   plugin (`expense_id`).
| - disposals: 出售, 转固, 列损 applications with approval (workflow and, by the
|   amount rule, the committee) and their postings (one outbox message per
|   posting, unique key).
| Every table carries the asset's org (the data scope). Money BIGINT fen.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('foreclosed_assets_checks', (t) => {
      t.increments('id')
      t.integer('asset_id').unsigned().notNullable()
      t.integer('org_id').unsigned().notNullable()
      t.date('checked_on').notNullable()
      /** foreclosed_assets_condition: good, fair, poor. */
      t.string('condition', 16).notNullable()
      /** foreclosed_assets_occupancy: vacant, leased, self_used, occupied. */
      t.string('occupancy', 16).notNullable()
      /** foreclosed_assets_damage: none, minor, severe. */
      t.string('damage', 16).notNullable()
      t.bigInteger('value_before_fen').notNullable()
      t.bigInteger('value_found_fen').nullable()
      t.string('findings', 1000).nullable()
      t.date('next_due').notNullable()
      t.integer('checker_id').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.index(['asset_id', 'checked_on'])
      t.index(['org_id', 'checked_on'])
    })
    this.schema.createTable('foreclosed_assets_photos', (t) => {
      t.increments('id')
      t.integer('asset_id').unsigned().notNullable()
      t.integer('check_id').unsigned().nullable()
      t.string('file_name', 200).notNullable()
      t.string('content_type', 100).notNullable()
      t.integer('size_bytes').unsigned().notNullable()
      t.string('stored_path', 300).notNullable()
      t.string('upload_key', 128).notNullable().unique()
      /** queued (waiting for the platform), filed (doc_no known). */
      t.string('status', 16).notNullable()
      t.string('doc_no', 64).nullable()
      t.integer('created_by').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.index(['check_id'])
      t.index(['asset_id'])
    })
    this.schema.createTable('foreclosed_assets_reconciliations', (t) => {
      t.increments('id')
      t.integer('asset_id').unsigned().notNullable()
      t.integer('org_id').unsigned().notNullable()
      t.date('checked_on').notNullable()
      t.bigInteger('book_value_fen').notNullable()
      t.string('physical_state', 500).notNullable()
      t.boolean('matches').notNullable()
      t.string('difference', 500).nullable()
      t.integer('created_by').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.index(['asset_id'])
    })
    this.schema.createTable('foreclosed_assets_leases', (t) => {
      t.increments('id')
      t.integer('asset_id').unsigned().notNullable()
      t.integer('org_id').unsigned().notNullable()
      t.string('tenant', 200).notNullable()
      t.string('tenant_contact', 100).nullable()
      t.bigInteger('rent_fen').notNullable()
      /** foreclosed_assets_rent_period: month, quarter, year. */
      t.string('rent_period', 10).notNullable()
      t.date('start_on').notNullable()
      t.date('end_on').notNullable()
      t.date('next_rent_due').nullable()
      /** active, ended. */
      t.string('status', 10).notNullable()
      t.date('ended_on').nullable()
      t.string('remark', 500).nullable()
      t.integer('created_by').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.index(['asset_id'])
      t.index(['org_id', 'status'])
    })
    this.schema.createTable('foreclosed_assets_entries', (t) => {
      t.increments('id')
      t.integer('asset_id').unsigned().notNullable()
      t.integer('org_id').unsigned().notNullable()
      t.integer('lease_id').unsigned().nullable()
      /** income, expense. */
      t.string('direction', 10).notNullable()
      /** foreclosed_assets_entry_kind: rent, deposit, other_income; custody_fee, repair, tax, … */
      t.string('kind', 32).notNullable()
      t.bigInteger('amount_fen').notNullable()
      t.date('entry_date').notNullable()
      t.integer('expense_id').unsigned().nullable()
      t.string('remark', 500).nullable()
      t.integer('created_by').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.index(['asset_id', 'entry_date'])
      t.index(['org_id', 'entry_date'])
    })
    this.schema.createTable('foreclosed_assets_disposals', (t) => {
      t.increments('id')
      t.string('disposal_no', 32).notNullable().unique()
      t.integer('asset_id').unsigned().notNullable()
      t.integer('org_id').unsigned().notNullable()
      t.integer('manager_id').unsigned().nullable()
      /** sale 出售, to_fixed 转固, write_off 列损. */
      t.string('kind', 16).notNullable()
      /** foreclosed_assets_disposal_status. */
      t.string('status', 16).notNullable()
      /** Sale: auction 拍卖, agreement 协议转让, tender 招标. */
      t.string('method', 16).nullable()
      t.string('buyer', 200).nullable()
      /** Sale: 成交价款 (proceeds); write-off: 列损金额; to-fixed: 转固价值. */
      t.bigInteger('amount_fen').notNullable()
      /** The asset's 入账价值 when applied. */
      t.bigInteger('book_value_fen').notNullable()
      /** Sale: book − proceeds (negative = gain); write-off: the amount; to-fixed: 0. */
      t.bigInteger('loss_fen').notNullable()
      t.string('reason', 1000).notNullable()
      t.string('evidence', 1000).nullable()
      t.date('applied_on').notNullable()
      t.date('completed_on').nullable()
      t.integer('workflow_instance_id').unsigned().nullable()
      t.integer('committee_item_id').unsigned().nullable()
      t.string('resolution_no', 64).nullable()
      t.integer('created_by').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.index(['asset_id'])
      t.index(['org_id', 'kind', 'status'])
    })
    this.schema.createTable('foreclosed_assets_postings', (t) => {
      t.increments('id')
      t.integer('disposal_id').unsigned().notNullable()
      /** proceeds, loss, gain, to_fixed, write_off. */
      t.string('kind', 16).notNullable()
      t.bigInteger('amount_fen').notNullable()
      t.string('idempotency_key', 128).notNullable().unique()
      t.integer('outbox_id').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.index(['disposal_id'])
    })
  }

  async down() {
    for (const table of [
      'foreclosed_assets_postings',
      'foreclosed_assets_disposals',
      'foreclosed_assets_entries',
      'foreclosed_assets_leases',
      'foreclosed_assets_reconciliations',
      'foreclosed_assets_photos',
      'foreclosed_assets_checks',
    ])
      this.schema.dropTable(table)
  }
}
