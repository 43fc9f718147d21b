/*
| 信贷台账公共服务 (book_api): the one way another plugin reads the shared book —
| customers, loans, risk assets, collaterals, guarantees, repayments,
| credit-card overdraft accounts.
|
|   import { bookApi } from '../../credit-assets/services/book_api.js'
|   const loan = await bookApi.loans.byId(id, { access })            // null: missing or out of scope
|   const loans = await bookApi.loans.byKeys(['JJ0001'], { client: trx })
|   const page = await bookApi.guarantees.search({ loanIds: [id] }, { access })
|
| Each kind has byId, byKeys (loan_no, customer_no, or loan_id for risk assets
| and loan children) and search (paged: { data, meta: { total, page, perPage } }).
| With `access`, only records in the caller's data scope come back (children
| through their loan). Data out is plain: money as yuan text ("1234.56"),
| dates as 'YYYY-MM-DD'. Set-based SQL joins services/book_lookups.ts instead;
| writes go through services/book_writer.ts.
*/
import { bookReader } from './book/reader.js'
import * as entities from './book/entities.js'

export type { BookReadOptions, BookSearch, BookPage } from './book/reader.js'
export type {
  BookCustomer,
  BookLoan,
  BookRiskAsset,
  BookGuarantee,
  BookCollateral,
  BookRepayment,
  BookCardAccount,
} from './book/entities.js'

export const bookApi = {
  customers: bookReader(entities.customers),
  loans: bookReader(entities.loans),
  riskAssets: bookReader(entities.riskAssets),
  guarantees: bookReader(entities.guarantees),
  collaterals: bookReader(entities.collaterals),
  repayments: bookReader(entities.repayments),
  /** 信用卡透支账户 (byKeys: account numbers). */
  cardAccounts: bookReader(entities.cardAccounts),
}
