/* The plugin's table names, in a module with no imports (the ledger sums load with the manifest). */
export const TABLE = 'exp_expenses'
export const LOANS_TABLE = 'exp_expense_loans'
