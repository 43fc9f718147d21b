/*
| What the 以资抵债 flows (82, 86) share: the business date and a loan of
| 张朝阳客户经理 (bj_cy_am) with collateral, the customer's only loan, read from
| the demo server's SQLite file.
*/
import { withSqlite } from './helpers.mjs'

/**
 * { today, loan }: `loan` an active loan of bj_cy_am with collateral whose balance is in
 * [minFen, 50 000 000 fen], the lowest id first — or, with `newest`, the highest id no receipt
 * took yet (so 86 never takes 82's).
 */
export function foreclosureLoan({ minFen, newest = false }) {
  return withSqlite((db) => {
    const day = db.prepare('SELECT business_date FROM business_day WHERE id = 1').get()
    const today = String(day?.business_date ?? new Date().toISOString()).slice(0, 10)
    const loan = db
      .prepare(
        `SELECT l.id, l.loan_no, c.name AS customer_name, CAST(l.balance_fen AS TEXT) AS balance_fen,
                col.collateral_ref
           FROM ca_loans l
           JOIN users u ON u.id = l.manager_id
           JOIN ca_customers c ON c.id = l.customer_id
           JOIN ca_collaterals col ON col.loan_id = l.id
          WHERE u.username = 'bj_cy_am' AND l.status = 'active'
            AND l.balance_fen BETWEEN ? AND 50000000
            AND NOT EXISTS (SELECT 1 FROM ca_loans o WHERE o.customer_id = l.customer_id AND o.id <> l.id)
            ${newest ? 'AND NOT EXISTS (SELECT 1 FROM foreclosure_loans f WHERE f.loan_id = l.id)' : ''}
          ORDER BY l.id ${newest ? 'DESC' : 'ASC'} LIMIT 1`
      )
      .get(minFen)
    return { today, loan }
  })
}
