/*
| What the simulated systems know, read from the demo bank (credit-assets
| tables) so every system tells the same story as the risk-asset console: the
| same customers, loans, guarantors and collateral. Facts the tables do not hold
| (alerts, collection visits, outside credit lines, phone numbers…) are derived
| deterministically from the customer number (random.ts), so they never change
| between calls or restarts. Amounts leave here in fen, as text — the bank's
| wire format; the adapters turn them into yuan.
*/
import { daysBefore, factsFor } from './random.js'
import {
  BAD_CLASSES,
  type Client,
  customerByNo,
  dateText,
  fen,
  legalRepresentative,
  loansOf,
  personName,
  trouble,
} from './bank_rows.js'
import { relationshipGraph } from './relationship_graph.js'
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'

type Profile = {
  customerNo: string
  name: string
  phone: string | null
  address: string | null
  legalRepresentative: string | null
}
const PROFILE_FIELDS = ['name', 'phone', 'address', 'legalRepresentative'] as const

export class BankData {
  /** 客户中心 records a test or demo changed (POST /__sim/customer-center/profiles), until reset. */
  #profiles = new Map<string, Partial<Profile>>()

  constructor(
    private client: () => Client,
    private today: () => Promise<string>
  ) {}

  /* 客户中心 */
  async profile(customerNo: string): Promise<Profile | null> {
    const customer = await customerByNo(this.client(), customerNo)
    if (!customer) return null
    const r = factsFor('customer-center', customerNo)
    return {
      customerNo,
      name: customer.name,
      phone: `1${r.pick(['3', '5', '8', '9'])}${r.digits(9)}`,
      address: `${customer.region ?? ''}${r.pick(['人民路', '解放路', '建设路', '中山路', '和平路'])}${r.int(1, 999)}号`,
      legalRepresentative: legalRepresentative(customer),
      ...this.#profiles.get(customerNo),
    }
  }

  /** 客户中心 now holds `change` for this customer (a renamed company, a new phone). */
  overrideProfile(customerNo: string, change: Partial<Omit<Profile, 'customerNo'>>) {
    const known = Object.entries(change).filter(([k]) =>
      (PROFILE_FIELDS as readonly string[]).includes(k)
    )
    this.#profiles.set(customerNo, {
      ...this.#profiles.get(customerNo),
      ...Object.fromEntries(known),
    })
  }

  resetProfiles() {
    this.#profiles.clear()
  }

  /** POST /__sim/customer-center/profiles { customerNo, name?, phone?, address?, legalRepresentative? } */
  profileControl(method: string, path: string, body: any) {
    if (method !== 'POST' || path !== '/__sim/customer-center/profiles') return null
    if (typeof body?.customerNo !== 'string' || !body.customerNo)
      return { status: 400, body: { message: 'customerNo is required' } }
    const { customerNo, ...change } = body
    this.overrideProfile(customerNo, change)
    return { status: 200, body: { ok: true } }
  }

  /* 核心系统 */
  async loanBalance(loanNo: string) {
    const loan = await this.client().from(book.loans.table).where('loan_no', loanNo).first()
    if (!loan) return null
    return {
      loanNo,
      principalFen: fen(loan.balance_fen),
      normalInterestFen: fen(loan.on_balance_interest_fen),
      overdueInterestFen: fen(loan.overdue_interest_fen),
      penaltyInterestFen: fen(loan.penalty_interest_fen),
      compoundInterestFen: fen(loan.compound_interest_fen),
      asOf: await this.today(),
    }
  }

  /* 统一授信: this bank's contracts, plus lines the customer holds elsewhere (derived). */
  async creditLines(customerNo: string) {
    const client = this.client()
    const customer = await customerByNo(client, customerNo)
    if (!customer) return []
    const contracts = await client
      .from(book.contracts.table)
      .where('customer_id', customer.id)
      .orderBy('id')
    const loans = await loansOf(client, customer.id)
    const lines: any[] = contracts.map((c: any) => ({
      lender: '本行',
      product: c.product,
      limitFen: fen(c.amount_fen),
      usedFen: loans
        .filter((l: any) => l.contract_id === c.id && l.status === 'active')
        .reduce((sum: bigint, l: any) => sum + BigInt(l.balance_fen), 0n)
        .toString(),
      expiresOn: dateText(c.maturity_date),
      insideBank: true,
    }))
    const r = factsFor('credit-limit', customerNo)
    const today = await this.today()
    const outside = ['中国工商银行', '中国建设银行', '招商银行', '兴业银行', '某小额贷款公司']
    for (let i = r.int(0, 2); i > 0; i--) {
      const limit = r.int(10, 500) * 1_000_000
      lines.push({
        lender: r.pick(outside),
        product: r.pick(['working_capital', 'consumer', 'business']),
        limitFen: String(limit),
        usedFen: String(Math.floor((limit * r.int(0, 100)) / 100)),
        expiresOn: daysBefore(today, -r.int(30, 900)),
        insideBank: false,
      })
    }
    return lines
  }

  /* 智能预警: collateral value alerts from the book, the rest derived. */
  async alerts(customerNo: string) {
    const client = this.client()
    const customer = await customerByNo(client, customerNo)
    if (!customer) return []
    const loans = await loansOf(client, customer.id)
    const standing = trouble(loans)
    const today = await this.today()
    const r = factsFor('warning', customerNo)
    const kinds = [
      ['litigation', '涉诉：被起诉金融借款合同纠纷', '中国裁判文书网'],
      ['executed_person', '被列为被执行人', '中国执行信息公开网'],
      ['equity_change', '股权变更：第一大股东变更', '国家企业信用信息公示系统'],
      ['asset_change', '名下不动产被查封', '不动产登记中心'],
    ] as const
    const alerts: any[] = []
    for (let i = standing.troubled ? r.int(1, 4) : r.int(0, 1); i > 0; i--) {
      const [kind, title, source] = r.pick(kinds)
      alerts.push({
        kind,
        title,
        occurredOn: daysBefore(today, r.int(1, 365)),
        source,
        level: standing.bad ? 'high' : r.pick(['medium', 'low']),
      })
    }
    const collaterals = loans.length
      ? await client.from(book.collaterals.table).whereIn(
          'loan_id',
          loans.map((l: any) => l.id)
        )
      : []
    for (const c of collaterals) {
      const valuedOn = dateText(c.valuation_date)
      // Stale (> 1 year) or seized collateral needs a new valuation (押品价值预警).
      if (c.status === 'seized' || valuedOn < daysBefore(today, 365))
        alerts.push({
          kind: 'collateral_value',
          title:
            c.status === 'seized'
              ? `押品${c.collateral_ref}已被查封`
              : `押品${c.collateral_ref}估值超过一年未更新`,
          occurredOn: c.status === 'seized' ? daysBefore(today, r.int(1, 90)) : today,
          source: '押品管理系统',
          level: c.status === 'seized' ? 'high' : 'medium',
        })
    }
    return alerts.sort((a, b) => b.occurredOn.localeCompare(a.occurredOn))
  }

  /* 智能风控: see relationship_graph.ts */
  graph(customerNo: string) {
    return relationshipGraph(this.client(), customerNo)
  }

  /* 智能催收: derived visits and calls, for customers in trouble only. */
  async collectionRecords(customerNo: string) {
    const client = this.client()
    const customer = await customerByNo(client, customerNo)
    if (!customer) return []
    const loans = await loansOf(client, customer.id)
    const standing = trouble(loans)
    if (!standing.troubled) return []
    const overdueFen = loans.reduce(
      (s: bigint, l: any) => s + BigInt(l.overdue_principal_fen) + BigInt(l.overdue_interest_fen),
      0n
    )
    const r = factsFor('collection', customerNo)
    const today = await this.today()
    const results = ['无人接听', '承诺还款', '客户称资金紧张', '已发催收函', '拒绝沟通', '部分还款']
    const records = []
    for (let i = r.int(1, 6); i > 0; i--) {
      const result = r.pick(results)
      const promised =
        result === '承诺还款' && overdueFen > 0n
          ? ((overdueFen * BigInt(r.int(10, 100))) / 100n).toString()
          : null
      records.push({
        date: daysBefore(today, r.int(1, Math.max(2, standing.overdue || 60))),
        method: r.pick(['phone', 'visit', 'letter', 'sms', 'lawyer_letter'] as const),
        collector: personName(r),
        result,
        promisedAmountFen: promised,
      })
    }
    return records.sort((a, b) => b.date.localeCompare(a.date))
  }

  /* 押品管理: the book's collateral records. */
  async collaterals(customerNo: string) {
    const client = this.client()
    const customer = await customerByNo(client, customerNo)
    if (!customer) return []
    const rows = await client
      .from(book.collaterals.table)
      .join(book.loans.table, `${book.loans.table}.id`, `${book.collaterals.table}.loan_id`)
      .where(`${book.loans.table}.customer_id`, customer.id)
      .orderBy(`${book.collaterals.table}.id`)
      .select(`${book.collaterals.table}.*`)
    return rows.map((c: any) => ({
      collateralNo: c.collateral_ref,
      kind: c.collateral_type,
      description: c.name,
      appraisedValueFen: fen(c.value_fen),
      valuedOn: dateText(c.valuation_date),
      status: c.status,
    }))
  }

  /* 数据中台: loans handed over to risk-asset management on a business date. */
  async handovers(businessDate: string) {
    const rows = await this.client()
      .from(book.riskAssets.table)
      .join(book.loans.table, `${book.loans.table}.id`, `${book.riskAssets.table}.loan_id`)
      .where(`${book.riskAssets.table}.entered_on`, businessDate)
      .orderBy(`${book.loans.table}.loan_no`)
      .select(
        `${book.loans.table}.loan_no`,
        `${book.loans.table}.five_class`,
        `${book.riskAssets.table}.entered_on`
      )
    return rows.map((r: any) => ({
      loanNo: r.loan_no,
      reason: BAD_CLASSES.has(r.five_class) ? 'classification' : 'overdue',
      handedOverOn: dateText(r.entered_on),
    }))
  }

  /* 影像平台: one file per contract, loan, guarantee and the customer's ID. */
  async documents(customerNo: string, fileUrl: (docNo: string) => string) {
    const client = this.client()
    const customer = await customerByNo(client, customerNo)
    if (!customer) return []
    const docs: any[] = []
    const doc = (docNo: string, title: string, kind: string, uploadedOn: string) =>
      docs.push({ docNo, title, kind, uploadedOn, url: fileUrl(docNo) })
    doc(
      `ID-${customerNo}`,
      customer.customer_type === 'corporate' ? '营业执照' : '身份证',
      'identity',
      dateText(customer.created_at)
    )
    for (const c of await client
      .from(book.contracts.table)
      .where('customer_id', customer.id)
      .orderBy('id'))
      doc(`CT-${c.contract_no}`, `借款合同 ${c.contract_no}`, 'contract', dateText(c.start_date))
    const loans = await loansOf(client, customer.id)
    for (const l of loans)
      doc(`LN-${l.loan_no}`, `借据 ${l.loan_no}`, 'loan', dateText(l.start_date))
    const guarantees = loans.length
      ? await client
          .from(book.guarantees.table)
          .whereIn(
            'loan_id',
            loans.map((l: any) => l.id)
          )
          .orderBy('id')
      : []
    for (const g of guarantees)
      doc(
        `GT-${g.id}`,
        `担保合同（${g.guarantor_name}）`,
        'guarantee',
        dateText(loans.find((l: any) => l.id === g.loan_id)?.start_date)
      )
    return docs
  }

  /* 智能贷后: derived checks, more and gloomier for customers in trouble. */
  async postLoanChecks(customerNo: string) {
    const client = this.client()
    const customer = await customerByNo(client, customerNo)
    if (!customer) return []
    const standing = trouble(await loansOf(client, customer.id))
    const r = factsFor('post-loan', customerNo)
    const today = await this.today()
    const checks = []
    for (let i = r.int(1, standing.troubled ? 5 : 3); i > 0; i--)
      checks.push({
        checkedOn: daysBefore(today, r.int(1, 540)),
        kind: r.pick(['首次检查', '定期检查', '专项检查']),
        conclusion: standing.bad
          ? r.pick(['经营恶化，建议下调分类', '还款来源不足，建议启动清收'])
          : standing.troubled
            ? '出现逾期，需持续关注'
            : '经营正常，还款能力未见异常',
        inspector: personName(r),
      })
    return checks.sort((a, b) => b.checkedOn.localeCompare(a.checkedOn))
  }
}
