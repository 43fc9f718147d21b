/*
| The batch of the cluster's fault run: a 批量核销 plan built straight in SQL (as
| bench/write_off.mjs builds its own: fresh 损失类 loans cloned from the demo book,
| their risk assets, an approved plan applied for by bj_cy_am), and the exactly-
| once count of its core-banking postings at the simulator. Three postings a loan
| (principal, on- and off-balance interest), so 3,334 loans make 10,002 postings.
*/

/** Fresh loans, their risk assets and an approved batch plan of them. */
export async function buildPlan(sql, loans) {
  const tag = `F${Date.now().toString(36).toUpperCase()}`
  const like = `WOB${tag}-%`
  const [[{ id: orgId }]] = await sql.query("SELECT id FROM orgs WHERE code = '110101'")
  const [[{ id: applicantId }]] = await sql.query("SELECT id FROM users WHERE username = 'bj_cy_am'")
  const [[rule]] = await sql.query('SELECT code FROM write_off_rules ORDER BY id LIMIT 1')
  // The demo book has fewer loans than a batch: its loans are cloned round after round.
  const [[{ n: book }]] = await sql.query(
    "SELECT COUNT(*) AS n FROM ca_loans WHERE status = 'active' AND loan_no NOT LIKE 'WOB%'"
  )
  for (let made = 0, round = 0; made < loans; round++) {
    const take = Math.min(Number(book), loans - made)
    await sql.query('SET @n = ?', [made])
    await sql.query(
      `INSERT INTO ca_loans (loan_no, contract_id, customer_id, product, org_id, manager_id, currency, amount_fen,
         balance_fen, rate, start_date, maturity_date, repayment_method, overdue_days, overdue_principal_fen,
         overdue_interest_fen, penalty_interest_fen, compound_interest_fen, on_balance_interest_fen,
         off_balance_interest_fen, five_class, classified_on, status, created_at, updated_at)
       SELECT CONCAT(?, LPAD(@n := @n + 1, 6, '0')), contract_id, customer_id, product, ?, ?, currency, amount_fen,
         GREATEST(balance_fen, 100000), rate, start_date, maturity_date, repayment_method, 400, overdue_principal_fen,
         overdue_interest_fen, penalty_interest_fen, compound_interest_fen, GREATEST(on_balance_interest_fen, 1234),
         GREATEST(off_balance_interest_fen, 567), 'loss', classified_on, 'active', NOW(), NOW()
       FROM ca_loans WHERE status = 'active' AND loan_no NOT LIKE 'WOB%' ORDER BY id LIMIT ?`,
      [`WOB${tag}-`, orgId, applicantId, take]
    )
    made += take
  }
  await sql.query(
    `INSERT INTO ca_risk_assets (loan_id, customer_id, org_id, manager_id, status, entered_on, created_at, updated_at)
     SELECT id, customer_id, org_id, manager_id, 'managed', CURDATE(), NOW(), NOW() FROM ca_loans WHERE loan_no LIKE ?`,
    [like]
  )
  const [[sum]] = await sql.query(
    `SELECT COUNT(*) AS n, CAST(SUM(balance_fen + on_balance_interest_fen + off_balance_interest_fen) AS CHAR) AS total
     FROM ca_loans WHERE loan_no LIKE ?`,
    [like]
  )
  const [plan] = await sql.query(
    `INSERT INTO write_off_plans (plan_no, kind, title, reasons, org_id, created_by, status, item_count, total_fen,
       committee_required, submitted_at, created_at, updated_at)
     VALUES (?, 'batch', ?, '追索 180 天以上仍无法收回（集群故障演练）。', ?, ?, 'approved', ?, ?, 0, NOW(), NOW(), NOW())`,
    [`WOB${tag}`, `集群故障演练批量核销 ${tag}`, orgId, applicantId, sum.n, sum.total]
  )
  const planId = plan.insertId
  await sql.query(
    `INSERT INTO write_off_plan_items (plan_id, subject_kind, subject_id, subject_no, customer_id, customer_name,
       org_id, manager_id, rule_code, principal_fen, on_balance_interest_fen, off_balance_interest_fen, fee_fen)
     SELECT ?, 'loan', l.id, l.loan_no, l.customer_id, c.name, l.org_id, l.manager_id, ?, l.balance_fen,
       l.on_balance_interest_fen, l.off_balance_interest_fen, 0
     FROM ca_loans l JOIN ca_customers c ON c.id = l.customer_id WHERE l.loan_no LIKE ? ORDER BY l.id`,
    [planId, rule.code, like]
  )
  await sql.query(
    `INSERT INTO write_off_locks (subject_key, plan_id)
     SELECT CONCAT('loan:', subject_id), plan_id FROM write_off_plan_items WHERE plan_id = ?`,
    [planId]
  )
  return { tag, planId, loans: Number(sum.n) }
}

/** The plan's postings by outbox state. */
export async function outboxOf(sql, planId) {
  const [rows] = await sql.query(
    `SELECT o.status, COUNT(*) AS n FROM write_off_postings w JOIN outbox_messages o ON o.id = w.outbox_id
     WHERE w.plan_id = ? GROUP BY o.status`,
    [planId]
  )
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]))
}

/**
 * Lost and doubled, counted at the simulator: every posting the plan's items owe
 * (one per non-zero amount) must have been applied under its key exactly once.
 * lost = owed keys not applied; doubled = owed keys applied more than once, plus
 * postings of the plan enqueued more than once, plus items executed twice.
 */
export async function countAtSimulator(sql, planId, stats) {
  const [owed] = await sql.query(
    `SELECT CONCAT('write-off:', id, ':', k.kind) AS k
     FROM write_off_plan_items i JOIN (SELECT 'principal' AS kind UNION ALL SELECT 'on_balance_interest'
       UNION ALL SELECT 'off_balance_interest' UNION ALL SELECT 'fee') k
     WHERE i.plan_id = ? AND CASE k.kind WHEN 'principal' THEN i.principal_fen
       WHEN 'on_balance_interest' THEN i.on_balance_interest_fen
       WHEN 'off_balance_interest' THEN i.off_balance_interest_fen ELSE i.fee_fen END > 0`,
    [planId]
  )
  const [[enq]] = await sql.query(
    'SELECT COUNT(*) AS n, COUNT(DISTINCT item_id, kind) AS d FROM write_off_postings WHERE plan_id = ?',
    [planId]
  )
  const [[items]] = await sql.query(
    'SELECT COUNT(*) AS n, COUNT(written_off_on) AS done FROM write_off_plan_items WHERE plan_id = ?',
    [planId]
  )
  const [[outcomes]] = await sql.query(
    `SELECT COUNT(*) AS n, COUNT(DISTINCT source_ref) AS d FROM disposal_outcomes
     WHERE source_plugin = 'write-off' AND source_ref IN
       (SELECT CONCAT('item:', id) FROM write_off_plan_items WHERE plan_id = ?)`,
    [planId]
  )
  const applied = stats.postings.appliedPerKey
  const lost = owed.filter((r) => !applied[r.k]).length
  const doubledKeys = owed.filter((r) => applied[r.k] > 1).length
  const doubledEnqueued = Number(enq.n) - Number(enq.d)
  const doubledOutcomes = Number(outcomes.n) - Number(outcomes.d)
  return {
    owed: owed.length,
    applied: owed.length - lost,
    lost,
    doubled: doubledKeys + doubledEnqueued + doubledOutcomes,
    doubledDetail: { doubledKeys, doubledEnqueued, doubledOutcomes },
    repeatsRefusedByKey: stats.postings.duplicatesRefused,
    postingRequests: stats.postings.requests,
    injected: stats.injected,
    itemsExecuted: `${items.done}/${items.n}`,
  }
}
