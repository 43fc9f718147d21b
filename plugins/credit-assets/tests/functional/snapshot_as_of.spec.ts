import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { userWith } from '#tests/helpers/auth'
import { bookLoan } from '../helpers.js'
import { isMonthEnd, purgeOldSnapshots, snapshotLoans } from '../../snapshots/loan_snapshot.js'
import loanSnapshotStep from '../../snapshots/daily_step.js'

/*
| 时点快照 (ca_loan_snapshots) and ledgers as of a past date.
*/
const LIST = 'credit-assets:risk-asset-ledger:list'

const snapshotOf = (date: string, loanId: number) =>
  db.from('ca_loan_snapshots').where({ snapshot_date: date, loan_id: loanId }).first()

test.group('credit-assets: loan snapshots', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('records every loan once per date, with its risk status; a rerun gives no duplicates', async ({
    assert,
  }) => {
    const risk = await bookLoan({
      riskAsset: true,
      balanceFen: '12345678',
      overdueDays: 120,
      fiveClass: 'doubtful',
    })
    const plain = await bookLoan({ balanceFen: '500' })
    const loans = Number((await db.from('ca_loans').count('* as n').first())!.n)

    const first = await snapshotLoans(db.connection(), '2026-11-30', { chunk: 3 })
    assert.equal(first.rows, loans)
    const again = await snapshotLoans(db.connection(), '2026-11-30', { chunk: 1000 })
    assert.equal(again.rows, loans)
    const stored = await db
      .from('ca_loan_snapshots')
      .where('snapshot_date', '2026-11-30')
      .count('* as n')
      .first()
    assert.equal(Number(stored!.n), loans)

    assert.containsSubset(await snapshotOf('2026-11-30', risk.loanId), {
      balance_fen: '12345678',
      overdue_days: 120,
      five_class: 'doubtful',
      risk_status: 'managed',
      org_id: risk.orgId,
    })
    assert.isNull((await snapshotOf('2026-11-30', plain.loanId)).risk_status)
  })

  test('the daily step writes the business date and keeps month ends past the retention', async ({
    assert,
  }) => {
    const { loanId } = await bookLoan()
    await snapshotLoans(db.connection(), '2025-01-31', {})
    await snapshotLoans(db.connection(), '2025-02-14', {})
    await db.transaction(async (trx) => {
      await loanSnapshotStep({ businessDate: '2026-12-01', trx })
    })
    assert.exists(await snapshotOf('2026-12-01', loanId))
    assert.exists(await snapshotOf('2025-01-31', loanId), 'month end kept')
    assert.notExists(await snapshotOf('2025-02-14', loanId), 'older than 400 days')
    assert.equal(await purgeOldSnapshots(db.connection(), '2026-12-01', 0), 0)
    assert.isTrue(isMonthEnd('2024-02-29'))
    assert.isFalse(isMonthEnd('2024-02-28'))
  })

  test('a ledger as of a past date shows that date’s balance after a later change', async ({
    client,
    assert,
  }) => {
    const { loanId } = await bookLoan({
      riskAsset: true,
      balanceFen: '100000',
      customerName: '快照测试客户',
    })
    await snapshotLoans(db.connection(), '2026-11-30')
    await db
      .from('ca_loans')
      .where('id', loanId)
      .update({ balance_fen: '25000', five_class: 'loss' })

    const viewer = await userWith({ permissions: [LIST] })
    const rows = (query: Record<string, string>) =>
      client
        .get('/api/ledgers/risk-assets/rows')
        .bearerToken(viewer.token)
        .qs({ keyword: '快照测试客户', ...query })

    const past = await rows({ asOf: '2026-11-30' })
    assert.equal(past.status(), 200, JSON.stringify(past.body()))
    assert.equal(past.body().meta.asOf, '2026-11-30')
    assert.lengthOf(past.body().data, 1)
    assert.containsSubset(past.body().data[0], { balance: '1000.00', fiveClass: 'normal' })
    const totals = await client
      .get('/api/ledgers/risk-assets/totals')
      .bearerToken(viewer.token)
      .qs({ keyword: '快照测试客户', asOf: '2026-11-30' })
    assert.deepInclude(totals.body(), { total: 1, asOf: '2026-11-30' })
    assert.equal(totals.body().totals.balance, '1000.00')

    const today = await rows({})
    assert.isNull(today.body().meta.asOf)
    assert.containsSubset(today.body().data[0], { balance: '250.00', fiveClass: 'loss' })

    // The date picker offers the dates that have a snapshot.
    const definition = await client.get('/api/ledgers/risk-assets').bearerToken(viewer.token)
    assert.include(definition.body().asOfDates, '2026-11-30')

    // A date without a snapshot has no rows (not today's rows under an old date).
    const none = await rows({ asOf: '2026-10-01' })
    assert.equal(none.body().meta.total, 0)
    ;(await rows({ asOf: '2026-13-01' })).assertStatus(422)
  })
})
