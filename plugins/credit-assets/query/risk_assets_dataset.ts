/*
| 综合查询 dataset 风险资产: every loan under risk-asset management with its
| loan, customer, org and manager. As of a past date it reads the daily
| snapshot (ca_loan_snapshots) for the state columns and for membership (a
| loan was a risk asset that day when its snapshot row has a risk_status); the
| static facts (loan number, amount, dates, customer) come from today's rows.
| Only type imports here: the manifest is loaded before the app boots.
*/
import type { QueryDatasetDefinition, QueryFieldDefinition } from '#core/query/dataset_types'

type Type = QueryFieldDefinition['type']
const f = (
  category: string,
  id: string,
  zh: string,
  en: string,
  type: Type,
  source: string,
  extra: Partial<QueryFieldDefinition> = {}
): QueryFieldDefinition => ({ id, label: { zh, en }, type, source, category, ...extra })

/** A state column of ca_loans, read from the snapshot in an as-of query. */
const state = (column: string) => ({ asOfSource: `s.${column}` })
const dict = (name: string) => ({ dictionary: `credit_assets_${name}` })

export const riskAssetsDataset: QueryDatasetDefinition = {
  id: 'credit-assets:risk-assets',
  name: { zh: '风险资产', en: 'Risk assets' },
  description: {
    zh: '移交风险资产管理的借据，含客户、机构与客户经理',
    en: 'Loans under risk-asset management, with customer, org and manager',
  },
  permission: 'credit-assets:risk-asset:list',
  categories: [
    { id: 'loan', name: { zh: '借据', en: 'Loan' } },
    { id: 'arrears', name: { zh: '逾期与欠息', en: 'Arrears' } },
    { id: 'risk', name: { zh: '风险资产', en: 'Risk asset' } },
    { id: 'customer', name: { zh: '客户', en: 'Customer' } },
    { id: 'org', name: { zh: '机构与人员', en: 'Org and staff' } },
  ],
  key: 'l.id',
  defaultFields: [
    'loanNo',
    'customerName',
    'orgName',
    'product',
    'balance',
    'fiveClass',
    'overdueDays',
    'riskStatus',
  ],
  from(query) {
    query
      .from('ca_risk_assets as r')
      .join('ca_loans as l', 'l.id', 'r.loan_id')
      // LEFT joins on unique keys: MariaDB drops the ones no chosen field uses.
      .leftJoin('ca_customers as c', 'c.id', 'l.customer_id')
      .leftJoin('orgs as o', 'o.id', 'l.org_id')
      .leftJoin('users as u', 'u.id', 'l.manager_id')
  },
  scope: { orgColumn: 'l.org_id', ownerColumn: 'l.manager_id' },
  asOf: {
    from(query, date) {
      query
        .from('ca_loan_snapshots as s')
        .join('ca_loans as l', 'l.id', 's.loan_id')
        .leftJoin('ca_customers as c', 'c.id', 's.customer_id')
        .leftJoin('ca_risk_assets as r', 'r.loan_id', 's.loan_id')
        .leftJoin('orgs as o', 'o.id', 's.org_id')
        .leftJoin('users as u', 'u.id', 's.manager_id')
        .where('s.snapshot_date', date)
        .whereNotNull('s.risk_status')
    },
    // The org and manager of that day: a loan moved since is seen by who held it then.
    scope: { orgColumn: 's.org_id', ownerColumn: 's.manager_id' },
  },
  // Count and 合计 from the snapshot step's groups (snapshots/book_totals.ts, the 台账's
  // source), live-corrected, when a query uses only these fields in conditions and grouping.
  aggregate: {
    source: async ({ db, asOf }) =>
      (await import('../snapshots/book_totals.js')).bookTotalsSource(db, asOf),
    join(query) {
      query.leftJoin('orgs as o', 'o.id', 'a.org_id').leftJoin('users as u', 'u.id', 'a.manager_id')
    },
    scope: { orgColumn: 'a.org_id', ownerColumn: 'a.manager_id' },
    count: 'a.loans',
    dimensions: {
      product: 'a.product',
      fiveClass: 'a.five_class',
      riskStatus: 'a.risk_status',
      orgName: 'o.name',
      orgCode: 'o.code',
      managerName: 'u.real_name',
    },
    sums: {
      amount: 'a.amount_fen',
      balance: 'a.balance_fen',
      overduePrincipal: 'a.overdue_principal_fen',
      overdueInterest: 'a.overdue_interest_fen',
      penaltyInterest: 'a.penalty_interest_fen',
      compoundInterest: 'a.compound_interest_fen',
      onBalanceInterest: 'a.on_balance_interest_fen',
      offBalanceInterest: 'a.off_balance_interest_fen',
    },
  },
  fields: [
    f('loan', 'loanNo', '借据号', 'Loan no.', 'string', 'l.loan_no', { groupable: false }),
    f('loan', 'product', '贷款产品', 'Product', 'dict', 'l.product', {
      ...dict('loan_product'),
      ...state('product'),
    }),
    f('loan', 'currency', '币种', 'Currency', 'dict', 'l.currency', dict('currency')),
    f('loan', 'amount', '贷款金额', 'Loan amount', 'amount', 'l.amount_fen'),
    f('loan', 'balance', '贷款余额', 'Balance', 'amount', 'l.balance_fen', state('balance_fen')),
    f('loan', 'rate', '执行利率', 'Rate', 'number', 'l.rate', { groupable: false }),
    f('loan', 'startDate', '发放日期', 'Start date', 'date', 'l.start_date'),
    f('loan', 'maturityDate', '到期日期', 'Maturity date', 'date', 'l.maturity_date'),
    f('loan', 'repaymentMethod', '还款方式', 'Repayment', 'dict', 'l.repayment_method', {
      ...dict('repayment_method'),
    }),
    f('loan', 'fiveClass', '五级分类', 'Classification', 'dict', 'l.five_class', {
      ...dict('five_class'),
      ...state('five_class'),
    }),
    f('loan', 'loanStatus', '借据状态', 'Loan status', 'dict', 'l.status', {
      ...dict('loan_status'),
      ...state('status'),
    }),
    f('arrears', 'overdueDays', '逾期天数', 'Days overdue', 'number', 'l.overdue_days', {
      ...state('overdue_days'),
    }),
    f(
      'arrears',
      'overduePrincipal',
      '逾期本金',
      'Overdue principal',
      'amount',
      'l.overdue_principal_fen',
      {
        ...state('overdue_principal_fen'),
      }
    ),
    f(
      'arrears',
      'overdueInterest',
      '逾期利息',
      'Overdue interest',
      'amount',
      'l.overdue_interest_fen',
      {
        ...state('overdue_interest_fen'),
      }
    ),
    f(
      'arrears',
      'penaltyInterest',
      '罚息',
      'Penalty interest',
      'amount',
      'l.penalty_interest_fen',
      {
        ...state('penalty_interest_fen'),
      }
    ),
    f(
      'arrears',
      'compoundInterest',
      '复利',
      'Compound interest',
      'amount',
      'l.compound_interest_fen',
      {
        ...state('compound_interest_fen'),
      }
    ),
    f(
      'arrears',
      'onBalanceInterest',
      '表内欠息',
      'On-balance interest',
      'amount',
      'l.on_balance_interest_fen',
      {
        ...state('on_balance_interest_fen'),
      }
    ),
    f(
      'arrears',
      'offBalanceInterest',
      '表外欠息',
      'Off-balance interest',
      'amount',
      'l.off_balance_interest_fen',
      {
        ...state('off_balance_interest_fen'),
      }
    ),
    f('risk', 'riskStatus', '风险资产状态', 'Risk status', 'dict', 'r.status', {
      ...dict('risk_asset_status'),
      asOfSource: 's.risk_status',
    }),
    f('risk', 'enteredOn', '移交日期', 'Handed over on', 'date', 'r.entered_on'),
    f('risk', 'exitedOn', '退出日期', 'Exited on', 'date', 'r.exited_on'),
    f('risk', 'exitReason', '退出原因', 'Exit reason', 'string', 'r.exit_reason'),
    f('customer', 'customerNo', '客户号', 'Customer no.', 'string', 'c.customer_no', {
      groupable: false,
    }),
    f('customer', 'customerName', '客户名称', 'Customer', 'string', 'c.name'),
    f('customer', 'customerType', '客户类型', 'Customer type', 'dict', 'c.customer_type', {
      ...dict('customer_type'),
    }),
    // An ID number identifies a person: only for those who may open the loan detail.
    f('customer', 'idNo', '证件号码', 'ID number', 'string', 'c.id_no', {
      groupable: false,
      permission: 'credit-assets:loan:list',
    }),
    f('customer', 'industry', '行业', 'Industry', 'string', 'c.industry'),
    f('customer', 'region', '地区', 'Region', 'string', 'c.region'),
    f('customer', 'groupName', '所属集团', 'Group', 'string', 'c.group_name'),
    f('org', 'orgName', '经办机构', 'Branch', 'string', 'o.name'),
    f('org', 'orgCode', '机构代码', 'Branch code', 'string', 'o.code'),
    f('org', 'managerName', '客户经理', 'Account manager', 'string', 'u.real_name'),
  ],
}
