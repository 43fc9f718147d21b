import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 信贷资产: customers, contracts, loans (借据) and what hangs off them. Money is
| BIGINT fen; rates DECIMAL(9,6) read as strings; business dates are DATE
| columns read as 'YYYY-MM-DD'. No foreign keys: these tables are bulk-loaded
| (data platform, demo generator) millions of rows at a time, and the loader
| owns referential integrity; the indexes serve the lists' filters.
| A released migration never changes; add a new one.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('ca_customers', (t) => {
      t.increments('id')
      t.string('customer_no', 32).notNullable().unique()
      t.string('name', 200).notNullable()
      /** corporate 企业 / individual 个人 / online 网贷 */
      t.string('customer_type', 16).notNullable()
      t.string('id_type', 16).notNullable()
      t.string('id_no', 64).notNullable()
      t.string('industry', 64).nullable()
      t.string('region', 64).nullable()
      /** 集团客户 name, for group exposure views. */
      t.string('group_name', 200).nullable()
      t.integer('org_id').unsigned().notNullable()
      t.integer('manager_id').unsigned().nullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.index(['org_id'])
      t.index(['name'])
      t.index(['id_no'])
    })

    /** 关联方: group members, shareholders, guarantors' links. */
    this.schema.createTable('ca_related_parties', (t) => {
      t.increments('id')
      t.integer('customer_id').unsigned().notNullable()
      t.integer('related_customer_id').unsigned().nullable()
      t.string('related_name', 200).notNullable()
      t.string('relation_type', 32).notNullable()
      t.timestamp('created_at').notNullable()
      t.index(['customer_id'])
    })

    this.schema.createTable('ca_contracts', (t) => {
      t.increments('id')
      t.string('contract_no', 40).notNullable().unique()
      t.integer('customer_id').unsigned().notNullable()
      t.string('product', 32).notNullable()
      t.integer('org_id').unsigned().notNullable()
      t.integer('manager_id').unsigned().nullable()
      t.string('currency', 3).notNullable().defaultTo('CNY')
      t.bigInteger('amount_fen').notNullable()
      t.date('start_date').notNullable()
      t.date('maturity_date').notNullable()
      t.timestamp('created_at').notNullable()
      t.index(['customer_id'])
      t.index(['org_id'])
    })

    /** 借据 */
    this.schema.createTable('ca_loans', (t) => {
      t.increments('id')
      t.string('loan_no', 40).notNullable().unique()
      t.integer('contract_id').unsigned().notNullable()
      t.integer('customer_id').unsigned().notNullable()
      t.string('product', 32).notNullable()
      t.integer('org_id').unsigned().notNullable()
      t.integer('manager_id').unsigned().nullable()
      t.string('currency', 3).notNullable().defaultTo('CNY')
      t.bigInteger('amount_fen').notNullable()
      t.bigInteger('balance_fen').notNullable()
      /** Annual rate as a decimal fraction (0.043500 = 4.35%). */
      t.decimal('rate', 9, 6).notNullable()
      t.date('start_date').notNullable()
      t.date('maturity_date').notNullable()
      t.string('repayment_method', 32).notNullable()
      t.integer('overdue_days').notNullable().defaultTo(0)
      t.bigInteger('overdue_principal_fen').notNullable().defaultTo(0)
      t.bigInteger('overdue_interest_fen').notNullable().defaultTo(0)
      /** 罚息 and 复利 */
      t.bigInteger('penalty_interest_fen').notNullable().defaultTo(0)
      t.bigInteger('compound_interest_fen').notNullable().defaultTo(0)
      /** 表内 / 表外欠息 */
      t.bigInteger('on_balance_interest_fen').notNullable().defaultTo(0)
      t.bigInteger('off_balance_interest_fen').notNullable().defaultTo(0)
      t.string('five_class', 16).notNullable().defaultTo('normal')
      t.date('classified_on').nullable()
      /** active 正常存续 / settled 结清 / written_off 核销 */
      t.string('status', 16).notNullable().defaultTo('active')
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.index(['org_id', 'five_class'])
      t.index(['overdue_days'])
      t.index(['customer_id'])
      t.index(['contract_id'])
      t.index(['manager_id'])
    })

    /** Every classification change; rows are appended, never updated. */
    this.schema.createTable('ca_classification_history', (t) => {
      t.increments('id')
      t.integer('loan_id').unsigned().notNullable()
      t.string('from_class', 16).nullable()
      t.string('to_class', 16).notNullable()
      t.date('changed_on').notNullable()
      t.string('reason', 500).nullable()
      t.integer('operator_id').unsigned().nullable()
      t.timestamp('created_at').notNullable()
      t.index(['loan_id', 'id'])
    })

    /** 担保 with its guarantor (保证人 / 抵押人 / 出质人). */
    this.schema.createTable('ca_guarantees', (t) => {
      t.increments('id')
      t.integer('loan_id').unsigned().notNullable()
      t.string('guarantee_type', 16).notNullable()
      t.integer('guarantor_customer_id').unsigned().nullable()
      t.string('guarantor_name', 200).notNullable()
      t.string('guarantor_id_type', 16).nullable()
      t.string('guarantor_id_no', 64).nullable()
      t.bigInteger('amount_fen').notNullable()
      t.timestamp('created_at').notNullable()
      t.index(['loan_id'])
    })

    /** 押品: a reference to the collateral system's record, with its latest valuation. */
    this.schema.createTable('ca_collaterals', (t) => {
      t.increments('id')
      t.integer('loan_id').unsigned().notNullable()
      t.integer('guarantee_id').unsigned().nullable()
      t.string('collateral_ref', 40).notNullable()
      t.string('collateral_type', 32).notNullable()
      t.string('name', 200).notNullable()
      t.bigInteger('value_fen').notNullable()
      t.date('valuation_date').notNullable()
      t.string('status', 16).notNullable()
      t.timestamp('created_at').notNullable()
      t.index(['loan_id'])
    })

    this.schema.createTable('ca_repayments', (t) => {
      t.increments('id')
      t.integer('loan_id').unsigned().notNullable()
      t.date('paid_on').notNullable()
      t.bigInteger('principal_fen').notNullable()
      t.bigInteger('interest_fen').notNullable()
      t.bigInteger('penalty_fen').notNullable().defaultTo(0)
      t.timestamp('created_at').notNullable()
      t.index(['loan_id', 'paid_on'])
    })

    /** A loan under risk-asset management (风险资产), one row per loan. */
    this.schema.createTable('ca_risk_assets', (t) => {
      t.increments('id')
      t.integer('loan_id').unsigned().notNullable().unique()
      t.integer('customer_id').unsigned().notNullable()
      t.integer('org_id').unsigned().notNullable()
      t.string('status', 16).notNullable()
      t.date('entered_on').notNullable()
      t.date('exited_on').nullable()
      t.string('exit_reason', 200).nullable()
      t.string('tags', 500).nullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.index(['org_id', 'status'])
      t.index(['customer_id'])
    })

    /** 时间轴: every change of a risk asset, append-only. */
    this.schema.createTable('ca_risk_events', (t) => {
      t.increments('id')
      t.integer('loan_id').unsigned().nullable()
      t.integer('customer_id').unsigned().nullable()
      t.string('event_type', 32).notNullable()
      t.date('business_date').notNullable()
      t.text('before_json').nullable()
      t.text('after_json').nullable()
      t.integer('operator_id').unsigned().nullable()
      t.timestamp('created_at').notNullable()
      t.index(['loan_id', 'id'])
      t.index(['customer_id', 'id'])
    })

    /** 分类下限预警: one row per loan below its floor on a business date. */
    this.schema.createTable('ca_floor_flags', (t) => {
      t.increments('id')
      t.integer('loan_id').unsigned().notNullable()
      t.date('business_date').notNullable()
      t.string('current_class', 16).notNullable()
      t.string('floor_class', 16).notNullable()
      t.integer('overdue_days').notNullable()
      t.timestamp('created_at').notNullable()
      t.unique(['loan_id', 'business_date'])
      t.index(['business_date'])
    })
  }

  async down() {
    for (const table of [
      'ca_floor_flags',
      'ca_risk_events',
      'ca_risk_assets',
      'ca_repayments',
      'ca_collaterals',
      'ca_guarantees',
      'ca_classification_history',
      'ca_loans',
      'ca_contracts',
      'ca_related_parties',
      'ca_customers',
    ])
      this.schema.dropTable(table)
  }
}
