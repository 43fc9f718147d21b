/* Row → API shape: fen columns become yuan strings (never floats), names camelCase. */
import { Money } from '#core/money/money'
import { decimalText } from '#core/money/money'

export const yuan = (fen: unknown) =>
  fen === null || fen === undefined ? null : Money.fromFen(String(fen)).toYuan()
const date = (value: unknown) => (value ? String(value).slice(0, 10) : null)

export function loanListRow(row: Record<string, any>) {
  return {
    id: row.id,
    loanId: row.loan_id,
    loanNo: row.loan_no,
    customerId: row.customer_id,
    customerName: row.customer_name,
    customerType: row.customer_type,
    product: row.product,
    orgId: row.org_id,
    orgName: row.org_name ?? null,
    managerId: row.manager_id,
    currency: row.currency,
    amount: yuan(row.amount_fen),
    balance: yuan(row.balance_fen),
    overdueDays: Number(row.overdue_days),
    fiveClass: row.five_class,
    floorClass: row.floor_class ?? null,
    status: row.status ?? null,
    enteredOn: date(row.entered_on),
    businessDate: date(row.business_date),
  }
}

export function loanDetail(row: Record<string, any>) {
  return {
    id: row.id,
    loanNo: row.loan_no,
    contractId: row.contract_id,
    customerId: row.customer_id,
    product: row.product,
    orgId: row.org_id,
    managerId: row.manager_id,
    currency: row.currency,
    amount: yuan(row.amount_fen),
    balance: yuan(row.balance_fen),
    // MySQL returns DECIMAL(9,6) as a string; SQLite as a number: both become 6-decimal text.
    rate: decimalText(row.rate, 6),
    startDate: date(row.start_date),
    maturityDate: date(row.maturity_date),
    repaymentMethod: row.repayment_method,
    overdueDays: Number(row.overdue_days),
    overduePrincipal: yuan(row.overdue_principal_fen),
    overdueInterest: yuan(row.overdue_interest_fen),
    penaltyInterest: yuan(row.penalty_interest_fen),
    compoundInterest: yuan(row.compound_interest_fen),
    onBalanceInterest: yuan(row.on_balance_interest_fen),
    offBalanceInterest: yuan(row.off_balance_interest_fen),
    fiveClass: row.five_class,
    classifiedOn: date(row.classified_on),
    status: row.status,
    restructuredOn: date(row.restructured_on),
  }
}

export { date as businessDateOf }
