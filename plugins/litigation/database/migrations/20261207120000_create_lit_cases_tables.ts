import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 案件信息登记: one row per court proceeding (an appeal or an enforcement is a
| case of its own, with its own 案号), the book records it is about, its parties,
| progress, hearings, judgments and 财产保全. Money is BIGINT fen (the API and the
| ledger show yuan). `org_id` is the customer's org and `created_by` the clerk who
| registered it: the data scope filters on both. `pre_plan_id` links the 诉前方案
| (lit_plans, litig-a's area) when there was one; no foreign key, like every table
| here (Galera/TiDB portability). A released migration never changes; add a new one.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('lit_cases', (t) => {
      t.increments('id')
      /** （2024）京0105民初12345号, validated by cases/case_number.ts. */
      t.string('case_no', 64).notNullable().unique()
      t.smallint('case_year').notNullable()
      t.string('court_code', 16).notNullable()
      /** 民初, 民终, 执 … (the 案件类型代字 parsed from the number). */
      t.string('case_type_code', 8).notNullable()
      t.string('court', 200).notNullable()
      t.string('judge', 100).nullable()
      t.string('judge_phone', 40).nullable()
      /** 案由 (金融借款合同纠纷 …). */
      t.string('cause', 200).nullable()
      /** litigation_case_procedure: ordinary / summary (简易程序 halves the 受理费). */
      t.string('procedure', 16).notNullable()
      /** litigation_case_stage dictionary. */
      t.string('stage', 32).notNullable()
      /** 立案日期: the filing interrupts the limitation period (民法典 §195). */
      t.date('filed_on').notNullable()
      t.date('closed_on').nullable()
      t.integer('customer_id').unsigned().notNullable()
      t.string('customer_no', 32).notNullable()
      t.string('customer_name', 200).notNullable()
      t.integer('org_id').unsigned().notNullable()
      t.integer('manager_id').unsigned().nullable()
      t.integer('created_by').unsigned().notNullable()
      /** 诉前方案 (lit_plans.id), optional. */
      t.integer('pre_plan_id').unsigned().nullable()
      t.string('lawyer_name', 100).nullable()
      t.string('law_firm', 200).nullable()
      /** 诉讼请求: principal, interest (incl. 罚息, 复利), other (实现债权的费用). */
      t.bigInteger('claim_principal_fen').notNullable()
      t.bigInteger('claim_interest_fen').notNullable()
      t.bigInteger('claim_other_fen').notNullable()
      /** 案件受理费 and 保全费 as confirmed by the user (the form proposes the 诉讼费试算). */
      t.bigInteger('acceptance_fee_fen').notNullable()
      t.bigInteger('preservation_fee_fen').notNullable()
      /** 已回收 through this case (执行回款, 和解履行). */
      t.bigInteger('recovered_fen').notNullable()
      t.text('remark').nullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.index(['org_id', 'stage'])
      t.index(['created_by'])
      t.index(['customer_id'])
      t.index(['pre_plan_id'])
    })

    this.schema.createTable('lit_case_loans', (t) => {
      t.increments('id')
      t.integer('case_id').unsigned().notNullable()
      t.integer('loan_id').unsigned().notNullable()
      t.string('loan_no', 40).notNullable()
      t.unique(['case_id', 'loan_id'])
      t.index(['loan_id'])
    })

    /** 当事人: the bank, the borrower, guarantors and mortgagors, each picked from the book. */
    this.schema.createTable('lit_case_parties', (t) => {
      t.increments('id')
      t.integer('case_id').unsigned().notNullable()
      /** litigation_party_role: plaintiff, defendant, third_party, applicant, respondent. */
      t.string('role', 16).notNullable()
      /** litigation_party_kind: bank, borrower, guarantor, mortgagor. */
      t.string('kind', 16).notNullable()
      t.integer('customer_id').unsigned().nullable()
      t.integer('guarantee_id').unsigned().nullable()
      t.integer('collateral_id').unsigned().nullable()
      t.string('name', 200).notNullable()
      t.string('id_type', 16).nullable()
      t.string('address', 300).nullable()
      t.string('legal_representative', 100).nullable()
      t.integer('sort').notNullable()
      t.index(['case_id'])
      t.index(['customer_id'])
    })

    /** 案件进展: append-only log of what happened, with the next step. */
    this.schema.createTable('lit_case_progress', (t) => {
      t.increments('id')
      t.integer('case_id').unsigned().notNullable()
      t.date('happened_on').notNullable()
      t.string('stage', 32).notNullable()
      t.text('content').notNullable()
      t.string('next_step', 500).nullable()
      t.date('next_date').nullable()
      t.integer('created_by').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.index(['case_id', 'happened_on'])
    })

    /** 进展附件: files stored by random name with their SHA-256 (cases/case_files.ts). */
    this.schema.createTable('lit_case_files', (t) => {
      t.increments('id')
      t.integer('case_id').unsigned().notNullable()
      t.integer('progress_id').unsigned().nullable()
      t.string('file_name', 200).notNullable()
      t.string('content_type', 100).notNullable()
      t.integer('size').unsigned().notNullable()
      t.string('stored_path', 200).notNullable()
      t.string('sha256', 64).notNullable()
      t.integer('uploaded_by').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.index(['case_id'])
    })

    /** 开庭/听证/调解 sessions; each is a deadline. */
    this.schema.createTable('lit_hearings', (t) => {
      t.increments('id')
      t.integer('case_id').unsigned().notNullable()
      t.date('hearing_on').notNullable()
      t.string('hearing_time', 5).nullable()
      /** litigation_hearing_kind: trial, mediation, evidence, hearing. */
      t.string('kind', 16).notNullable()
      t.string('place', 200).nullable()
      t.string('remark', 500).nullable()
      t.timestamp('created_at').notNullable()
      t.index(['case_id'])
    })

    /** 判决/裁定/调解书: what was awarded, when served, by when to perform. */
    this.schema.createTable('lit_judgments', (t) => {
      t.increments('id')
      t.integer('case_id').unsigned().notNullable()
      /** litigation_judgment_kind: judgment 判决, ruling 裁定, mediation 调解书. */
      t.string('kind', 16).notNullable()
      t.string('document_no', 64).nullable()
      t.date('decided_on').notNullable()
      /** 送达日: the 上诉期 runs from it. */
      t.date('served_on').nullable()
      t.bigInteger('principal_awarded_fen').notNullable()
      t.bigInteger('interest_awarded_fen').notNullable()
      t.bigInteger('other_awarded_fen').notNullable()
      /** 履行期限届满日: the 申请执行 period (§250) runs from it. */
      t.date('performance_deadline').nullable()
      t.text('summary').nullable()
      t.timestamp('created_at').notNullable()
      t.index(['case_id'])
    })

    /** 财产保全 (查封、扣押、冻结) with its term; a 续封 is a new row pointing at the old one. */
    this.schema.createTable('lit_preservations', (t) => {
      t.increments('id')
      t.integer('case_id').unsigned().notNullable()
      /** litigation_preservation_kind: bank_deposit 1 year, movable 2, real_estate / other_right 3. */
      t.string('kind', 16).notNullable()
      t.string('target', 500).notNullable()
      t.bigInteger('amount_fen').notNullable()
      t.string('ruling_no', 64).nullable()
      t.date('start_on').notNullable()
      t.date('end_on').notNullable()
      t.integer('renewed_from_id').unsigned().nullable()
      t.string('remark', 500).nullable()
      t.timestamp('created_at').notNullable()
      t.index(['case_id'])
    })
  }

  async down() {
    for (const table of [
      'lit_preservations',
      'lit_judgments',
      'lit_hearings',
      'lit_case_files',
      'lit_case_progress',
      'lit_case_parties',
      'lit_case_loans',
      'lit_cases',
    ])
      this.schema.dropTable(table)
  }
}
