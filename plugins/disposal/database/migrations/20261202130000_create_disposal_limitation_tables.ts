import { BaseSchema } from '@adonisjs/lucid/schema'
import { DateTime } from 'luxon'

/*
| 时效管理: the configurable rules (seeded with the statutory ones and their legal
| basis), the events that move a limitation period (催收, 承认, 起诉, 中止事由,
| 判决 …; append-only, each with its proof reference and operator), and the dates
| the calculator last derived per loan (one row per period, so lists sort and
| filter by end date and the reminder engine is fed from one place).
| What each rule code MEANS is fixed in limitation/calculator.ts (the law's
| logic); its period length, working-day roll and basis text are configurable.
| A released migration never changes; add a new one.
*/
const RULES: Array<{
  code: string
  name_zh: string
  name_en: string
  period_years: number | null
  period_months: number | null
  roll_to_working_day: boolean
  legal_basis: string
  description: string
}> = [
  {
    code: 'litigation',
    name_zh: '诉讼时效',
    name_en: 'Limitation period',
    period_years: 3,
    period_months: 0,
    roll_to_working_day: true,
    legal_basis:
      '《民法典》第一百八十八条（诉讼时效期间为三年）、第一百八十九条（分期履行的债务，自最后一期履行期限届满之日起计算）、第一百九十五条（中断）',
    description:
      '自最后一期还款到期日（或借据到期日）起算三年；登记的有凭证催收、债务人承认、起诉或仲裁使时效中断，自中断之日起重新计算三年。',
  },
  {
    code: 'suspension',
    name_zh: '诉讼时效中止',
    name_en: 'Suspension',
    period_years: 0,
    period_months: 6,
    roll_to_working_day: true,
    legal_basis: '《民法典》第一百九十四条',
    description:
      '在诉讼时效期间的最后六个月内，因不可抗力等障碍不能行使请求权的，时效中止；自中止时效的原因消除之日起满六个月，诉讼时效期间届满。',
  },
  {
    code: 'outer_limit',
    name_zh: '最长权利保护期间',
    name_en: '20-year outer limit',
    period_years: 20,
    period_months: 0,
    roll_to_working_day: true,
    legal_basis: '《民法典》第一百八十八条第二款',
    description:
      '自权利受到损害之日起超过二十年的，人民法院不予保护；不因中断、中止而延长，单独提示。',
  },
  {
    code: 'waiver',
    name_zh: '时效届满后签收（放弃时效抗辩）',
    name_en: 'Post-expiry signature (waiver)',
    period_years: null,
    period_months: null,
    roll_to_working_day: false,
    legal_basis:
      '《最高人民法院关于审理民事案件适用诉讼时效制度若干问题的规定》第十九条；《民法典》第一百九十二条',
    description:
      '诉讼时效届满后债务人在催收通知单上签字或盖章的，视为放弃时效抗辩，不构成时效中断；登记为放弃并提交法律审核。',
  },
  {
    code: 'guarantee',
    name_zh: '保证期间',
    name_en: 'Guarantee period',
    period_years: 0,
    period_months: 6,
    roll_to_working_day: false,
    legal_basis: '《民法典》第六百九十二条、第六百九十三条、第六百九十五条',
    description:
      '合同未约定或约定不明的，保证期间为主债务履行期限届满之日起六个月；不发生中止、中断和延长。为审慎起见，末日不顺延至工作日。',
  },
  {
    code: 'enforcement',
    name_zh: '申请执行时效',
    name_en: 'Enforcement application period',
    period_years: 2,
    period_months: 0,
    roll_to_working_day: true,
    legal_basis: '《民事诉讼法》第二百五十条',
    description:
      '申请执行的期间为二年，从法律文书规定履行期间的最后一日起计算；其中止、中断适用诉讼时效中止、中断的规定。',
  },
  {
    code: 'mortgage',
    name_zh: '抵押权行使期间',
    name_en: 'Mortgage enforcement',
    period_years: null,
    period_months: null,
    roll_to_working_day: true,
    legal_basis: '《民法典》第四百一十九条',
    description: '抵押权人应当在主债权诉讼时效期间行使抵押权；未行使的，人民法院不予保护。',
  },
]

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('disposal_limitation_rules', (t) => {
      t.increments('id')
      t.string('code', 32).notNullable().unique()
      t.string('name_zh', 100).notNullable()
      t.string('name_en', 100).notNullable()
      /** Period length; NULL for rules without a period of their own (waiver, mortgage). */
      t.integer('period_years').nullable()
      t.integer('period_months').nullable()
      /** 民法典 §203: a last day that is not a working day moves to the next working day. */
      t.boolean('roll_to_working_day').notNullable().defaultTo(true)
      t.string('legal_basis', 500).notNullable()
      t.string('description', 1000).notNullable()
      t.boolean('enabled').notNullable().defaultTo(true)
      t.integer('updated_by').unsigned().nullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
    })

    /** Append-only: a wrong entry is corrected by a new one, never edited. */
    this.schema.createTable('disposal_limitation_events', (t) => {
      t.increments('id')
      t.integer('loan_id').unsigned().notNullable()
      t.integer('customer_id').unsigned().notNullable()
      t.integer('org_id').unsigned().notNullable()
      /** collection 催收, acknowledgement 承认, lawsuit 起诉, arbitration 仲裁, suspension 中止事由, judgment 判决, enforcement_application 申请执行, guarantor_claim 向保证人主张 */
      t.string('event_type', 32).notNullable()
      t.date('event_date').notNullable()
      /** suspension: the day the obstacle ended; judgment: the last day of the performance period. */
      t.date('end_date').nullable()
      t.integer('guarantee_id').unsigned().nullable()
      /** The debtor signed or sealed the collection notice. */
      t.boolean('signed').notNullable().defaultTo(false)
      /** 凭证: receipt no., notice no., case no., archive ref. */
      t.string('proof_ref', 200).notNullable()
      t.string('remark', 500).nullable()
      /** What the calculator made of it when registered: interrupt, suspend, waiver, none … */
      t.string('effect', 16).notNullable()
      /** pending 待法律审核 / reviewed — waivers only. */
      t.string('legal_review', 16).nullable()
      t.string('review_note', 500).nullable()
      t.integer('reviewed_by').unsigned().nullable()
      t.integer('operator_id').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.index(['loan_id', 'event_date'])
      t.index(['customer_id'])
      t.index(['org_id', 'legal_review'])
    })

    this.schema.createTable('disposal_limitation_dates', (t) => {
      t.increments('id')
      t.integer('loan_id').unsigned().notNullable()
      t.integer('customer_id').unsigned().notNullable()
      t.integer('org_id').unsigned().notNullable()
      /** litigation, outer_limit, enforcement, guarantee:<id>, mortgage:<id> */
      t.string('period_key', 40).notNullable()
      t.string('rule_code', 32).notNullable()
      t.date('base_date').notNullable()
      t.date('end_date').nullable()
      /** running, expired, suspended, closed, exercised */
      t.string('status', 16).notNullable()
      t.string('note', 500).nullable()
      t.date('computed_on').notNullable()
      t.timestamp('updated_at').notNullable()
      t.unique(['loan_id', 'period_key'])
      t.index(['org_id', 'end_date'])
      t.index(['end_date'])
    })

    this.defer(async (db) => {
      const now = DateTime.now().toFormat('yyyy-MM-dd HH:mm:ss')
      await db
        .table('disposal_limitation_rules')
        .multiInsert(RULES.map((r) => ({ ...r, enabled: true, created_at: now, updated_at: now })))
    })
  }

  async down() {
    this.schema.dropTable('disposal_limitation_dates')
    this.schema.dropTable('disposal_limitation_events')
    this.schema.dropTable('disposal_limitation_rules')
  }
}
