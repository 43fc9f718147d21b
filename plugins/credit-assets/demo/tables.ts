/*
| What the generator writes per table: columns after `id` in insert order,
| which of them hold ids of other generated tables (shifted by that table's
| starting id), the document-number column derived from the id, and the
| timestamp columns filled with the run's time.
*/
export type TableName =
  | 'ca_customers'
  | 'ca_related_parties'
  | 'ca_contracts'
  | 'ca_loans'
  | 'ca_classification_history'
  | 'ca_guarantees'
  | 'ca_collaterals'
  | 'ca_repayments'
  | 'ca_card_accounts'
  | 'ca_card_repayments'

interface TableSpec {
  columns: string[]
  refs: Array<[number, TableName]>
  code: { index: number; prefix: string } | null
  stamps: string[]
  /**
   * Columns holding an ID number, sealed after the run's hash is taken (the
   * ciphertext has a random IV): the column gets the masked text and
   * `<column>_enc`, `<column>_hash` are written after the stamps.
   */
  sealed: number[]
}

export const TABLES: Record<TableName, TableSpec> = {
  ca_customers: {
    columns: [
      'id',
      'customer_no',
      'name',
      'customer_type',
      'id_type',
      'id_no',
      'industry',
      'region',
      'group_name',
      'org_id',
      'manager_id',
    ],
    refs: [],
    code: { index: 1, prefix: 'CU' },
    stamps: ['created_at', 'updated_at'],
    sealed: [5],
  },
  ca_related_parties: {
    columns: ['id', 'customer_id', 'related_customer_id', 'related_name', 'relation_type'],
    refs: [[1, 'ca_customers']],
    code: null,
    stamps: ['created_at'],
    sealed: [],
  },
  ca_contracts: {
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
    ],
    refs: [[2, 'ca_customers']],
    code: { index: 1, prefix: 'HT' },
    stamps: ['created_at'],
    sealed: [],
  },
  ca_loans: {
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
    ],
    refs: [
      [2, 'ca_contracts'],
      [3, 'ca_customers'],
    ],
    code: { index: 1, prefix: 'JJ' },
    stamps: ['created_at', 'updated_at'],
    sealed: [],
  },
  ca_classification_history: {
    columns: ['id', 'loan_id', 'from_class', 'to_class', 'changed_on', 'reason', 'operator_id'],
    refs: [[1, 'ca_loans']],
    code: null,
    stamps: ['created_at'],
    sealed: [],
  },
  ca_guarantees: {
    columns: [
      'id',
      'loan_id',
      'guarantee_type',
      'guarantor_customer_id',
      'guarantor_name',
      'guarantor_id_type',
      'guarantor_id_no',
      'amount_fen',
    ],
    refs: [[1, 'ca_loans']],
    code: null,
    stamps: ['created_at'],
    sealed: [6],
  },
  ca_collaterals: {
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
    ],
    refs: [
      [1, 'ca_loans'],
      [2, 'ca_guarantees'],
    ],
    code: null,
    stamps: ['created_at'],
    sealed: [],
  },
  ca_repayments: {
    columns: ['id', 'loan_id', 'paid_on', 'principal_fen', 'interest_fen', 'penalty_fen'],
    refs: [[1, 'ca_loans']],
    code: null,
    stamps: ['created_at'],
    sealed: [],
  },
  ca_card_accounts: {
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
    ],
    refs: [[3, 'ca_customers']],
    code: { index: 1, prefix: 'XYK' },
    stamps: ['created_at', 'updated_at'],
    sealed: [],
  },
  ca_card_repayments: {
    columns: ['id', 'account_id', 'paid_on', 'amount_fen'],
    refs: [[1, 'ca_card_accounts']],
    code: null,
    stamps: ['created_at'],
    sealed: [],
  },
}
