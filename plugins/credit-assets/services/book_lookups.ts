/*
| 公共查找表 (published lookups): the credit-assets tables other plugins' set-based
| SQL (ledgers, 综合查询 datasets, daily steps, pickers) may join, each with the
| columns credit-assets keeps stable. Another plugin never writes a `ca_*` name:
|
|   import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'
|   db.from(book.loans.as('l')).join(book.customers.as('c'), 'c.id', 'l.customer_id')
|   applyDataScope(query, access, book.loans.scopeOf('l'))
|
| Only the listed columns are a promise; the manifest declares the same lookups
| (plugin.ts `lookups`), and docs/plugins.md lists them. Row-at-a-time reads go
| through services/book_api.ts instead; writes through services/book_writer.ts.
*/
import type { LookupDefinition } from '#core/plugins/types'

function lookup<const C extends readonly string[]>(definition: LookupDefinition & { columns: C }) {
  return {
    ...definition,
    /** `'<table> as <alias>'` for `from` / `join`. */
    as: (alias: string) => `${definition.table} as ${alias}`,
    /** The data-scope columns under an alias, for `applyDataScope`. */
    scopeOf(alias: string) {
      if (!definition.scope) throw new Error(`lookup ${definition.name} has no scope columns`)
      const { orgColumn, ownerColumn } = definition.scope
      return {
        orgColumn: `${alias}.${orgColumn}`,
        ...(ownerColumn ? { ownerColumn: `${alias}.${ownerColumn}` } : {}),
      }
    },
  }
}

const SCOPE = { orgColumn: 'org_id', ownerColumn: 'manager_id' }

export const bookLookups = {
  customers: lookup({
    name: 'customers',
    table: 'ca_customers',
    columns: [
      'id',
      'customer_no',
      'name',
      'customer_type',
      'id_type',
      /* id_no is the masked text; id_no_hash the blind index for exact search
         (blindIndex from #core/security/sensitive). The ciphertext is not
         published: only credit-assets' audited unmask reads it. */
      'id_no',
      'id_no_hash',
      'industry',
      'region',
      'group_name',
      'org_id',
      'manager_id',
    ] as const,
    scope: SCOPE,
    description: '客户 (customers); org_id / manager_id: the data scope',
  }),
  relatedParties: lookup({
    name: 'relatedParties',
    table: 'ca_related_parties',
    columns: ['id', 'customer_id', 'related_customer_id', 'related_name', 'relation_type'] as const,
    description: '关联方 of a customer (group members, shareholders); scoped through the customer',
  }),
  contracts: lookup({
    name: 'contracts',
    table: 'ca_contracts',
    columns: [
      'id',
      'contract_no',
      'customer_id',
      'product',
      'org_id',
      'manager_id',
      'currency',
      'amount_fen',
      'start_date',
      'maturity_date',
    ] as const,
    scope: SCOPE,
    description: '合同 (contracts)',
  }),
  loans: lookup({
    name: 'loans',
    table: 'ca_loans',
    columns: [
      'id',
      'loan_no',
      'contract_id',
      'customer_id',
      'product',
      'org_id',
      'manager_id',
      'currency',
      'amount_fen',
      'balance_fen',
      'rate',
      'start_date',
      'maturity_date',
      'repayment_method',
      'overdue_days',
      'overdue_principal_fen',
      'overdue_interest_fen',
      'penalty_interest_fen',
      'compound_interest_fen',
      'on_balance_interest_fen',
      'off_balance_interest_fen',
      'five_class',
      'classified_on',
      'status',
      'restructured_on',
    ] as const,
    scope: SCOPE,
    description: '借据 (loans); money in fen (BIGINT), status per credit_assets_loan_status',
  }),
  riskAssets: lookup({
    name: 'riskAssets',
    table: 'ca_risk_assets',
    columns: [
      'id',
      'loan_id',
      'customer_id',
      'org_id',
      'manager_id',
      'status',
      'entered_on',
      'exited_on',
      'exit_reason',
    ] as const,
    scope: SCOPE,
    description: '风险资产: one row per loan under risk-asset management; status managed / exited',
  }),
  guarantees: lookup({
    name: 'guarantees',
    table: 'ca_guarantees',
    columns: [
      'id',
      'loan_id',
      'guarantee_type',
      'guarantor_customer_id',
      'guarantor_name',
      'amount_fen',
    ] as const,
    description: '担保 and guarantors; scoped through the loan',
  }),
  collaterals: lookup({
    name: 'collaterals',
    table: 'ca_collaterals',
    columns: [
      'id',
      'loan_id',
      'guarantee_id',
      'collateral_ref',
      'collateral_type',
      'name',
      'value_fen',
      'valuation_date',
      'status',
    ] as const,
    description: '押品 references with their latest valuation; scoped through the loan',
  }),
  repayments: lookup({
    name: 'repayments',
    table: 'ca_repayments',
    columns: [
      'id',
      'loan_id',
      'paid_on',
      'principal_fen',
      'interest_fen',
      'penalty_fen',
      'txn_no',
      'recovery_method',
    ] as const,
    description:
      '还款 (repayments received; txn_no and recovery_method once confirmed by 交易流水确认); scoped through the loan',
  }),
  cardAccounts: lookup({
    name: 'cardAccounts',
    table: 'ca_card_accounts',
    columns: [
      'id',
      'account_no',
      'card_no_masked',
      'customer_id',
      'org_id',
      'manager_id',
      'product',
      'credit_limit_fen',
      'principal_fen',
      'interest_fen',
      'fee_fen',
      'overdue_days',
      'five_class',
      'opened_on',
      'status',
    ] as const,
    scope: SCOPE,
    description:
      '信用卡透支账户: 透支本金 principal_fen, 利息 interest_fen, 费用 fee_fen; org_id / manager_id: the data scope',
  }),
  cardRepayments: lookup({
    name: 'cardRepayments',
    table: 'ca_card_repayments',
    columns: ['id', 'account_id', 'paid_on', 'amount_fen'] as const,
    description: '信用卡还款 (after a write-off: 核销后收回); scoped through the card account',
  }),
  classificationHistory: lookup({
    name: 'classificationHistory',
    table: 'ca_classification_history',
    columns: ['id', 'loan_id', 'from_class', 'to_class', 'changed_on', 'reason'] as const,
    description: '五级分类 changes, append-only; scoped through the loan',
  }),
  loanSnapshots: lookup({
    name: 'loanSnapshots',
    table: 'ca_loan_snapshots',
    columns: [
      'snapshot_date',
      'loan_id',
      'customer_id',
      'org_id',
      'manager_id',
      'five_class',
      'status',
      'risk_status',
      'balance_fen',
      'overdue_days',
    ] as const,
    scope: SCOPE,
    description:
      '时点快照: each loan’s state at the end of a business date (key snapshot_date + loan_id, no id); balances as of a date',
  }),
  riskEvents: lookup({
    name: 'riskEvents',
    table: 'ca_risk_events',
    columns: [
      'id',
      'loan_id',
      'customer_id',
      'event_type',
      'business_date',
      'before_json',
      'after_json',
      'operator_id',
    ] as const,
    description: '风险资产时间轴 rows (read-only; write through book_writer / recordRiskEvent)',
  }),
  assetClaims: lookup({
    name: 'assetClaims',
    table: 'ca_asset_claims',
    columns: ['loan_id', 'holder', 'holder_ref', 'label', 'claimed_at'] as const,
    description:
      '资产占用: the open application holding a loan (holder = plugin id, holder_ref = its record); read-only, write through asset_claims',
  }),
}

export type BookLookupName = keyof typeof bookLookups

/** As the manifest declares them (plain data, no helpers). */
export const lookupDefinitions: LookupDefinition[] = Object.values(bookLookups).map(
  ({ name, table, columns, scope, description }) => ({ name, table, columns, scope, description })
)
