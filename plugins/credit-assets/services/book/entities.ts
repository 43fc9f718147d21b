/*
| The six kinds of record book_api serves: which lookup each reads, how the data
| scope reaches it (its own org/manager columns, or through its loan), its
| business key, what a keyword matches, and row → plain data (money as yuan
| text, dates as 'YYYY-MM-DD', camelCase).
*/
import db from '@adonisjs/lucid/services/db'
import { decimalText } from '#core/money/money'
import { bookLookups } from '../book_lookups.js'
import { yuan, businessDateOf as date } from '../serialize.js'

type Row = Record<string, any>

export interface BookEntity<T> {
  lookup: (typeof bookLookups)[keyof typeof bookLookups]
  /** Own scope columns, or scoped through `loan_id`. */
  scopedBy: 'self' | 'loan'
  /** Business key column for byKeys (loan_no, customer_no, or loan_id for loan children). */
  key: string
  /** Money columns (fen), selected as exact text. */
  money: string[]
  /**
   * Columns a keyword matches by prefix / contains; `exact`: sealed columns
   * (证件号码) matched whole through their blind index `<column>_hash`.
   */
  keyword: { prefix: string[]; contains: string[]; exact?: string[] }
  /**
   * Extra keyword matches through a related record (a risk asset is found by its
   * loan's number or its customer's name); adds orWhere clauses to `q`. `pattern`
   * is the LIKE-escaped keyword (escape character `!`).
   */
  keywordVia?: (q: any, alias: string, pattern: string) => void
  order: string[]
  toPlain: (row: Row) => T
}

const n = (v: unknown) => (v === null || v === undefined ? null : Number(v))

export const customers: BookEntity<BookCustomer> = {
  lookup: bookLookups.customers,
  scopedBy: 'self',
  key: 'customer_no',
  money: [],
  keyword: { prefix: ['customer_no'], contains: ['name'], exact: ['id_no'] },
  order: ['id'],
  toPlain: (r) => ({
    id: Number(r.id),
    customerNo: r.customer_no,
    name: r.name,
    customerType: r.customer_type,
    idType: r.id_type,
    idNo: r.id_no,
    industry: r.industry ?? null,
    region: r.region ?? null,
    groupName: r.group_name ?? null,
    orgId: Number(r.org_id),
    managerId: n(r.manager_id),
  }),
}
export interface BookCustomer {
  id: number
  customerNo: string
  name: string
  customerType: string
  idType: string
  idNo: string
  industry: string | null
  region: string | null
  groupName: string | null
  orgId: number
  managerId: number | null
}

export const loans: BookEntity<BookLoan> = {
  lookup: bookLookups.loans,
  scopedBy: 'self',
  key: 'loan_no',
  money: [
    'amount_fen',
    'balance_fen',
    'overdue_principal_fen',
    'overdue_interest_fen',
    'penalty_interest_fen',
    'compound_interest_fen',
    'on_balance_interest_fen',
    'off_balance_interest_fen',
  ],
  keyword: { prefix: ['loan_no'], contains: [] },
  order: ['id'],
  toPlain: (r) => ({
    id: Number(r.id),
    loanNo: r.loan_no,
    contractId: Number(r.contract_id),
    customerId: Number(r.customer_id),
    product: r.product,
    orgId: Number(r.org_id),
    managerId: n(r.manager_id),
    currency: r.currency,
    amount: yuan(r.amount_fen)!,
    balance: yuan(r.balance_fen)!,
    // DECIMAL(9,6): a string from MySQL, a number from SQLite; both become 6-decimal text.
    rate: decimalText(r.rate, 6),
    startDate: date(r.start_date)!,
    maturityDate: date(r.maturity_date)!,
    repaymentMethod: r.repayment_method,
    overdueDays: Number(r.overdue_days),
    overduePrincipal: yuan(r.overdue_principal_fen)!,
    overdueInterest: yuan(r.overdue_interest_fen)!,
    penaltyInterest: yuan(r.penalty_interest_fen)!,
    compoundInterest: yuan(r.compound_interest_fen)!,
    onBalanceInterest: yuan(r.on_balance_interest_fen)!,
    offBalanceInterest: yuan(r.off_balance_interest_fen)!,
    fiveClass: r.five_class,
    classifiedOn: date(r.classified_on),
    status: r.status,
    restructuredOn: date(r.restructured_on ?? null),
  }),
}
export interface BookLoan {
  id: number
  loanNo: string
  contractId: number
  customerId: number
  product: string
  orgId: number
  managerId: number | null
  currency: string
  /** Yuan text, e.g. "1000000.00". */
  amount: string
  balance: string
  rate: string
  startDate: string
  maturityDate: string
  repaymentMethod: string
  overdueDays: number
  overduePrincipal: string
  overdueInterest: string
  penaltyInterest: string
  compoundInterest: string
  onBalanceInterest: string
  offBalanceInterest: string
  fiveClass: string
  classifiedOn: string | null
  status: string
  /** 重组贷款: the date an approved restructuring changed its terms (null = never). */
  restructuredOn: string | null
}

export const riskAssets: BookEntity<BookRiskAsset> = {
  lookup: bookLookups.riskAssets,
  scopedBy: 'self',
  key: 'loan_id',
  money: [],
  keyword: { prefix: [], contains: [] },
  keywordVia(q, alias, pattern) {
    q.orWhereIn(
      `${alias}.loan_id`,
      db
        .from(bookLookups.loans.as('kl'))
        .whereRaw(`kl.loan_no LIKE ? ESCAPE '!'`, [`${pattern}%`])
        .select('kl.id')
    )
    q.orWhereIn(
      `${alias}.customer_id`,
      db
        .from(bookLookups.customers.as('kc'))
        .where((c: any) =>
          c
            .whereRaw(`kc.name LIKE ? ESCAPE '!'`, [`%${pattern}%`])
            .orWhereRaw(`kc.customer_no LIKE ? ESCAPE '!'`, [`${pattern}%`])
        )
        .select('kc.id')
    )
  },
  order: ['loan_id'],
  toPlain: (r) => ({
    id: Number(r.id),
    loanId: Number(r.loan_id),
    customerId: Number(r.customer_id),
    orgId: Number(r.org_id),
    managerId: n(r.manager_id),
    status: r.status,
    enteredOn: date(r.entered_on)!,
    exitedOn: date(r.exited_on),
    exitReason: r.exit_reason ?? null,
  }),
}
export interface BookRiskAsset {
  id: number
  loanId: number
  customerId: number
  orgId: number
  managerId: number | null
  status: string
  enteredOn: string
  exitedOn: string | null
  exitReason: string | null
}

export const guarantees: BookEntity<BookGuarantee> = {
  lookup: bookLookups.guarantees,
  scopedBy: 'loan',
  key: 'loan_id',
  money: ['amount_fen'],
  keyword: { prefix: [], contains: ['guarantor_name'], exact: ['guarantor_id_no'] },
  order: ['loan_id', 'id'],
  toPlain: (r) => ({
    id: Number(r.id),
    loanId: Number(r.loan_id),
    guaranteeType: r.guarantee_type,
    guarantorCustomerId: n(r.guarantor_customer_id),
    guarantorName: r.guarantor_name,
    amount: yuan(r.amount_fen)!,
  }),
}
export interface BookGuarantee {
  id: number
  loanId: number
  guaranteeType: string
  guarantorCustomerId: number | null
  guarantorName: string
  amount: string
}

export const collaterals: BookEntity<BookCollateral> = {
  lookup: bookLookups.collaterals,
  scopedBy: 'loan',
  key: 'loan_id',
  money: ['value_fen'],
  keyword: { prefix: ['collateral_ref'], contains: ['name'] },
  order: ['loan_id', 'id'],
  toPlain: (r) => ({
    id: Number(r.id),
    loanId: Number(r.loan_id),
    guaranteeId: n(r.guarantee_id),
    collateralRef: r.collateral_ref,
    collateralType: r.collateral_type,
    name: r.name,
    value: yuan(r.value_fen)!,
    valuationDate: date(r.valuation_date)!,
    status: r.status,
  }),
}
export interface BookCollateral {
  id: number
  loanId: number
  guaranteeId: number | null
  collateralRef: string
  collateralType: string
  name: string
  value: string
  valuationDate: string
  status: string
}

export const repayments: BookEntity<BookRepayment> = {
  lookup: bookLookups.repayments,
  scopedBy: 'loan',
  key: 'loan_id',
  money: ['principal_fen', 'interest_fen', 'penalty_fen'],
  keyword: { prefix: [], contains: [] },
  order: ['loan_id', 'paid_on', 'id'],
  toPlain: (r) => ({
    id: Number(r.id),
    loanId: Number(r.loan_id),
    paidOn: date(r.paid_on)!,
    principal: yuan(r.principal_fen)!,
    interest: yuan(r.interest_fen)!,
    penalty: yuan(r.penalty_fen)!,
  }),
}
export interface BookRepayment {
  id: number
  loanId: number
  paidOn: string
  principal: string
  interest: string
  penalty: string
}

export const cardAccounts: BookEntity<BookCardAccount> = {
  lookup: bookLookups.cardAccounts,
  scopedBy: 'self',
  key: 'account_no',
  money: ['credit_limit_fen', 'principal_fen', 'interest_fen', 'fee_fen'],
  keyword: { prefix: ['account_no'], contains: [] },
  order: ['id'],
  toPlain: (r) => ({
    id: Number(r.id),
    accountNo: r.account_no,
    cardNoMasked: r.card_no_masked,
    customerId: Number(r.customer_id),
    orgId: Number(r.org_id),
    managerId: n(r.manager_id),
    product: r.product,
    creditLimit: yuan(r.credit_limit_fen)!,
    principal: yuan(r.principal_fen)!,
    interest: yuan(r.interest_fen)!,
    fee: yuan(r.fee_fen)!,
    overdueDays: Number(r.overdue_days),
    fiveClass: r.five_class,
    openedOn: date(r.opened_on)!,
    status: r.status,
  }),
}
/** 信用卡透支账户: 透支本金 (principal), 利息 (interest), 费用 (fee), yuan text. */
export interface BookCardAccount {
  id: number
  accountNo: string
  cardNoMasked: string
  customerId: number
  orgId: number
  managerId: number | null
  product: string
  creditLimit: string
  principal: string
  interest: string
  fee: string
  overdueDays: number
  fiveClass: string
  openedOn: string
  status: string
}
