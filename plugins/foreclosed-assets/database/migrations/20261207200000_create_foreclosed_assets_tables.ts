import { BaseSchema } from '@adonisjs/lucid/schema'
import { dbNow } from '#core/db/db_time'
import { DEFAULT_CLASS_RULES } from '../../rules/default_class_rules.js'

/*
| 抵债资产 (spec §4): one row per asset taken in settlement of debt. Assets
| arrive only through services/foreclosed_assets_api.ts (receiveAsset, called
| by the foreclosure plugin's 抵债资产收取, or the demo seed).
|
| - `receipt_ref` is the caller's key of the receipt: a retried receive is one asset.
| - `org_id` is the booking org of the settled loans (the data scope);
|   `custodian_org_id` the 保管行; `manager_id` the manager the 分发岗 assigned.
| - Money is BIGINT fen: 入账价值 (book), 评估价 (appraised), current value.
| - `disposal_deadline` is the legal 处置期限 computed from the class rule
|   (商业银行法 §42, 财金〔2005〕53号), kept on the row so lists sort and filter on it.
| - The class rules are configurable records (foreclosed_assets_class_rules),
|   seeded with the regulation's periods.
| A released migration never changes; add a new one.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('foreclosed_assets', (t) => {
      t.increments('id')
      t.string('asset_no', 32).notNullable().unique()
      t.string('receipt_ref', 128).notNullable().unique()
      t.integer('customer_id').unsigned().notNullable()
      t.integer('org_id').unsigned().notNullable()
      t.integer('custodian_org_id').unsigned().notNullable()
      t.integer('manager_id').unsigned().nullable()
      t.string('business_line', 32).nullable()
      t.string('region', 64).nullable()
      t.integer('distributed_by').unsigned().nullable()
      t.timestamp('distributed_at').nullable()
      /** foreclosed_assets_class: real_estate 不动产, movable 动产, equity 股权, other_right 其他权利. */
      t.string('asset_class', 20).notNullable()
      t.string('name', 200).notNullable()
      t.string('location', 300).nullable()
      t.string('certificates', 500).nullable()
      t.date('acquired_on').notNullable()
      t.date('disposal_deadline').notNullable()
      t.bigInteger('book_value_fen').notNullable()
      t.bigInteger('appraised_value_fen').notNullable()
      t.bigInteger('current_value_fen').notNullable()
      /** foreclosed_assets_status: held 待处置, leased 临时经营, disposing 处置中, sold/fixed/written_off. */
      t.string('status', 20).notNullable()
      /** The disposal that ended the asset (sale, to_fixed, write_off) and its date. */
      t.string('disposal_kind', 20).nullable()
      t.date('disposed_on').nullable()
      t.date('next_check_due').nullable()
      t.integer('created_by').unsigned().notNullable()
      t.integer('updated_by').unsigned().nullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.index(['org_id', 'status'])
      t.index(['manager_id'])
      t.index(['customer_id'])
      t.index(['disposal_deadline'])
      t.index(['asset_class'])
    })

    this.schema.createTable('foreclosed_assets_loans', (t) => {
      t.increments('id')
      t.integer('asset_id').unsigned().notNullable()
      t.integer('loan_id').unsigned().notNullable()
      t.unique(['asset_id', 'loan_id'])
      t.index(['loan_id'])
    })

    /** 价值变动: the 入账价值 at receipt, each appraisal, each check's value change. */
    this.schema.createTable('foreclosed_assets_values', (t) => {
      t.increments('id')
      t.integer('asset_id').unsigned().notNullable()
      t.date('valued_on').notNullable()
      t.bigInteger('value_fen').notNullable()
      /** foreclosed_assets_value_kind: book 入账价值, appraisal 评估, check 检查, disposal 处置. */
      t.string('kind', 20).notNullable()
      t.string('note', 300).nullable()
      t.integer('created_by').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.index(['asset_id', 'valued_on'])
    })

    this.schema.createTable('foreclosed_assets_class_rules', (t) => {
      t.string('asset_class', 20).primary()
      /** 处置期限: months from acquisition (24 for real estate and equity, 12 for movables). */
      t.integer('disposal_months').unsigned().notNullable()
      /** Working days before the deadline the reminders go out, JSON array ([60, 20, 5]). */
      t.string('reminder_offsets', 100).notNullable()
      /** 定期检查 interval in months (3 = quarterly). */
      t.integer('check_interval_months').unsigned().notNullable()
      t.string('basis', 300).notNullable()
      t.integer('updated_by').unsigned().nullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
    })

    this.defer(async (db) => {
      const now = dbNow()
      await db.table('foreclosed_assets_class_rules').multiInsert(
        DEFAULT_CLASS_RULES.map((r) => ({
          asset_class: r.assetClass,
          disposal_months: r.disposalMonths,
          reminder_offsets: JSON.stringify(r.reminderOffsets),
          check_interval_months: r.checkIntervalMonths,
          basis: r.basis,
          created_at: now,
          updated_at: now,
        }))
      )
    })
  }

  async down() {
    this.schema.dropTable('foreclosed_assets_class_rules')
    this.schema.dropTable('foreclosed_assets_values')
    this.schema.dropTable('foreclosed_assets_loans')
    this.schema.dropTable('foreclosed_assets')
  }
}
