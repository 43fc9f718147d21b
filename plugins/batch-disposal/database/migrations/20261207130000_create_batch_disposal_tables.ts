import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 批量处置 (批量转让, 资产证券化, 收益权转让). Money is fen (BIGINT).
|
|   batch_disposal_projects    转让立项: mode, target size, schedule, team, approval, stage
|   batch_disposal_rules       eligibility and process rules as records (seeded below)
|   batch_disposal_locks       one active batch project per loan (primary key → 409 on a race)
|   batch_disposal_items       资产池: the loans with their book figures when pooled, the
|                              package they went into, the day it was delivered
|   batch_disposal_allocations the price allocated to each loan at 交割
|   batch_disposal_dd          尽职调查 per pool item (one row per item)
|   batch_disposal_packages    资产包: valuation, reserve price, method, approval, committee,
|                              the winning bid, contract, payment, 交割
|   batch_disposal_offers      要约邀请函 / 竞买通知 registered per package
|   batch_disposal_bids        竞价结果: bids per round, the winner
|   batch_disposal_notices     债权转让通知 (民法典 §546) per debtor and guarantor of a package
|   batch_disposal_postings    账务处理: one outbox message per posting (idempotency key unique)
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('batch_disposal_projects', (t) => {
      t.increments('id')
      t.string('project_no', 32).notNullable().unique()
      t.string('name', 200).notNullable()
      t.string('mode', 20).notNullable()
      t.bigInteger('target_fen').notNullable()
      t.date('planned_start').notNullable()
      t.date('planned_end').notNullable()
      t.text('team').notNullable()
      t.text('reasons').notNullable()
      t.integer('org_id').unsigned().notNullable()
      t.integer('created_by').unsigned().notNullable()
      t.string('status', 20).notNullable()
      t.string('stage', 20).notNullable()
      t.timestamp('submitted_at').nullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.index(['org_id', 'status'])
    })
    this.schema.createTable('batch_disposal_rules', (t) => {
      t.increments('id')
      t.string('code', 40).notNullable().unique()
      t.string('name', 100).notNullable()
      t.string('modes', 100).notNullable()
      t.string('value', 40).notNullable()
      t.boolean('enabled').notNullable().defaultTo(true)
      t.string('basis', 200).notNullable()
      t.integer('updated_by').unsigned().nullable()
      t.timestamp('updated_at').notNullable()
    })
    this.schema.createTable('batch_disposal_locks', (t) => {
      t.integer('loan_id').unsigned().primary()
      t.integer('project_id').unsigned().notNullable()
      t.index(['project_id'])
    })
    this.schema.createTable('batch_disposal_items', (t) => {
      t.increments('id')
      t.integer('project_id').unsigned().notNullable().references('batch_disposal_projects.id')
      t.integer('package_id').unsigned().nullable()
      t.integer('loan_id').unsigned().notNullable()
      t.string('loan_no', 64).notNullable()
      t.integer('customer_id').unsigned().notNullable()
      t.string('customer_name', 200).notNullable()
      t.string('customer_type', 20).nullable()
      t.string('region', 40).nullable()
      t.integer('org_id').unsigned().notNullable()
      t.integer('manager_id').unsigned().nullable()
      t.string('five_class', 20).nullable()
      t.string('guarantee_type', 20).nullable()
      t.bigInteger('principal_fen').notNullable()
      t.bigInteger('on_interest_fen').notNullable()
      t.bigInteger('off_interest_fen').notNullable()
      t.string('source', 10).notNullable()
      t.date('delivered_on').nullable()
      t.timestamp('created_at').notNullable()
      t.unique(['project_id', 'loan_id'])
      t.index(['package_id', 'delivered_on', 'customer_id'])
      t.index(['project_id', 'org_id'])
    })
    this.schema.createTable('batch_disposal_dd', (t) => {
      t.increments('id')
      t.integer('item_id').unsigned().notNullable().unique()
      t.integer('project_id').unsigned().notNullable()
      t.string('collateral_status', 200).notNullable()
      t.string('debtor_status', 200).notNullable()
      t.string('litigation', 200).notNullable()
      t.bigInteger('recoverable_fen').notNullable()
      t.string('valuation_method', 20).notNullable()
      t.text('remark').nullable()
      t.text('attachments').nullable()
      t.integer('investigator_id').unsigned().notNullable()
      t.date('investigated_on').notNullable()
      t.timestamp('updated_at').notNullable()
      t.index(['project_id', 'investigator_id'])
    })
    this.schema.createTable('batch_disposal_packages', (t) => {
      t.increments('id')
      t.integer('project_id').unsigned().notNullable().references('batch_disposal_projects.id')
      t.string('package_no', 40).notNullable().unique()
      t.string('name', 200).notNullable()
      t.bigInteger('valuation_fen').notNullable()
      t.bigInteger('reserve_fen').notNullable()
      t.string('method', 20).notNullable()
      t.string('allocation', 20).notNullable()
      t.text('tranches').nullable()
      t.string('servicing_fee_rate', 20).nullable()
      t.string('registration_ref', 64).nullable()
      t.integer('org_id').unsigned().notNullable()
      t.integer('created_by').unsigned().notNullable()
      t.string('status', 20).notNullable()
      t.boolean('committee_required').notNullable().defaultTo(false)
      t.string('committee_ref', 40).nullable()
      t.string('committee_result', 20).nullable()
      t.integer('winner_bid_id').unsigned().nullable()
      t.string('buyer', 200).nullable()
      t.bigInteger('price_fen').nullable()
      t.string('contract_no', 64).nullable()
      t.date('contract_date').nullable()
      t.string('announcement_no', 64).nullable()
      t.date('paid_on').nullable()
      t.date('handover_date').nullable()
      t.timestamp('delivered_at').nullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.index(['project_id'])
    })
    this.schema.createTable('batch_disposal_offers', (t) => {
      t.increments('id')
      t.integer('package_id').unsigned().notNullable().references('batch_disposal_packages.id')
      t.string('kind', 20).notNullable()
      t.string('party', 200).notNullable()
      t.date('sent_on').notNullable()
      t.string('remark', 500).nullable()
      t.integer('created_by').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.index(['package_id'])
    })
    this.schema.createTable('batch_disposal_bids', (t) => {
      t.increments('id')
      t.integer('package_id').unsigned().notNullable().references('batch_disposal_packages.id')
      t.integer('round').unsigned().notNullable()
      t.string('bidder', 200).notNullable()
      t.bigInteger('amount_fen').notNullable()
      t.date('bid_on').notNullable()
      t.integer('created_by').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.unique(['package_id', 'round', 'bidder'])
    })
    this.schema.createTable('batch_disposal_notices', (t) => {
      t.increments('id')
      t.integer('package_id').unsigned().notNullable().references('batch_disposal_packages.id')
      t.string('party_kind', 20).notNullable()
      t.string('party_key', 220).notNullable()
      t.string('party_name', 200).notNullable()
      t.integer('customer_id').unsigned().nullable()
      t.integer('org_id').unsigned().notNullable()
      t.date('served_on').nullable()
      t.string('service_way', 20).nullable()
      t.string('proof_ref', 200).nullable()
      t.integer('served_by').unsigned().nullable()
      t.timestamp('created_at').notNullable()
      t.unique(['package_id', 'party_kind', 'party_key'])
    })
    this.schema.createTable('batch_disposal_allocations', (t) => {
      t.integer('item_id').unsigned().primary()
      t.integer('package_id').unsigned().notNullable()
      t.bigInteger('price_fen').notNullable()
      t.index(['package_id'])
    })
    this.schema.createTable('batch_disposal_postings', (t) => {
      t.increments('id')
      t.integer('package_id').unsigned().notNullable().references('batch_disposal_packages.id')
      t.integer('loan_id').unsigned().notNullable()
      t.string('kind', 30).notNullable()
      t.bigInteger('amount_fen').notNullable()
      t.string('idempotency_key', 100).notNullable().unique()
      t.bigInteger('outbox_id').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.index(['package_id'])
    })

    this.defer(async (db) => {
      const now = new Date()
      await db.table('batch_disposal_rules').multiInsert([
        {
          code: 'loan_in_book',
          name: '借据存续且在风险资产管理中',
          modes: 'batch_transfer,securitization,income_right',
          value: 'true',
          enabled: true,
          basis: '已结清、核销、转让、抵债的借据不得入池',
          updated_at: now,
        },
        {
          code: 'not_in_other_disposal',
          name: '不在其他进行中的批量处置项目中',
          modes: 'batch_transfer,securitization,income_right',
          value: 'true',
          enabled: true,
          basis: '同一借据只能在一个进行中的批量处置项目的资产池中',
          updated_at: now,
        },
        {
          code: 'exclude_personal',
          name: '批量转让不含个人贷款（试点除外）',
          modes: 'batch_transfer',
          value: 'true',
          enabled: true,
          basis:
            '财金〔2012〕6号：批量转让对象为对公不良资产；个人贷款仅在银保监办便函〔2021〕26号试点范围内',
          updated_at: now,
        },
        {
          code: 'min_households',
          name: '资产包最少户数',
          modes: 'batch_transfer',
          value: '10',
          enabled: true,
          basis: '财金〔2012〕6号：批量转让是指 10 户/项以上；2021 年试点可为 3 户以上',
          updated_at: now,
        },
        {
          code: 'dd_coverage',
          name: '尽职调查覆盖本金比例（%）',
          modes: 'batch_transfer,securitization,income_right',
          value: '80',
          enabled: true,
          basis: '资产包对外报价前，已尽调资产本金须达到资产池（包）本金的该比例',
          updated_at: now,
        },
        {
          code: 'min_bidders',
          name: '竞价最少竞买人数',
          modes: 'batch_transfer,income_right',
          value: '2',
          enabled: true,
          basis: '公开竞价须有不少于该数量的竞买人出价，否则竞价无效',
          updated_at: now,
        },
      ])
    })
  }

  async down() {
    for (const table of [
      'batch_disposal_postings',
      'batch_disposal_allocations',
      'batch_disposal_notices',
      'batch_disposal_bids',
      'batch_disposal_offers',
      'batch_disposal_packages',
      'batch_disposal_dd',
      'batch_disposal_items',
      'batch_disposal_locks',
      'batch_disposal_rules',
      'batch_disposal_projects',
    ])
      this.schema.dropTable(table)
  }
}
