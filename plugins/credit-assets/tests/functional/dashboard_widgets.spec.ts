import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { businessDate } from '#core/business_day/business_date'
import { dbNow } from '#core/db/db_time'
import { tokenFor, userWith } from '#tests/helpers/auth'
import { bookLoan } from '../helpers.js'

/*
| 首页视图 charts of credit-assets, read through /api/dashboard: a branch user's
| figures cover only their subtree, to the fen; the head office sees the bank.
*/
const data = (id: string) => `/api/dashboard/widgets/${id}/data`

async function book() {
  const chaoyang = await bookLoan({
    orgCode: '110101',
    fiveClass: 'substandard',
    balanceFen: '100000000',
    riskAsset: true,
    customerName: '朝阳风险客户',
  })
  const haidian = await bookLoan({
    orgCode: '110102',
    fiveClass: 'doubtful',
    balanceFen: '50000001',
    riskAsset: true,
    customerName: '海淀风险客户',
  })
  const pudong = await bookLoan({
    orgCode: '310101',
    fiveClass: 'loss',
    balanceFen: '300000000',
    riskAsset: true,
    customerName: '浦东风险客户',
  })
  await bookLoan({ orgCode: '110101', fiveClass: 'normal', balanceFen: '20000000' })
  return { chaoyang, haidian, pudong }
}

const branchViewer = () =>
  userWith({
    permissions: ['credit-assets:risk-asset:list', 'credit-assets:loan:list'],
    dataScope: 'org_and_below',
    orgCode: '110000',
  })

test.group('credit-assets: dashboard widgets are data-scoped', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('风险资产总额: a branch sees its subtree only, matching its risk-asset list', async ({
    client,
    assert,
  }) => {
    await book()
    const branch = await branchViewer()
    const mine = await client.get(data('credit-assets:risk-total')).bearerToken(branch.token)
    mine.assertStatus(200)
    assert.equal(mine.body().total, '1500000.01')
    assert.equal(mine.body().loans, 2)
    assert.equal(mine.body().customers, 2)

    // The same figure as the 风险资产 list the branch opens.
    const list = await client
      .get('/api/credit-assets/risk-assets?perPage=100')
      .bearerToken(branch.token)
    const fen = list
      .body()
      .data.reduce((sum: bigint, r: any) => sum + BigInt(r.balance.replace('.', '')), 0n)
    assert.equal(fen.toString(), '150000001')

    const head = await client
      .get(data('credit-assets:risk-total'))
      .bearerToken(await tokenFor('admin'))
    assert.equal(head.body().total, '4500000.01')
    assert.equal(head.body().loans, 3)
  })

  test('风险资产总额 trend: month ends rebuilt from entry dates and later repayments', async ({
    client,
    assert,
  }) => {
    const { chaoyang, haidian } = await book()
    await businessDate.set('2026-06-30')
    // Chaoyang repaid 100,000.00 on 15 March: before that its balance was higher.
    await db.table('ca_repayments').insert({
      loan_id: chaoyang.loanId,
      paid_on: '2026-03-15',
      principal_fen: '10000000',
      interest_fen: '50000',
      penalty_fen: 0,
      created_at: dbNow(),
    })
    // 海淀 was downgraded to 可疑 in October, before its handover on 1 January: it counts from October.
    // A 关注 downgrade does not make a loan a risk asset.
    const history = (loanId: number, toClass: string, on: string) =>
      db.table('ca_classification_history').insert({
        loan_id: loanId,
        from_class: 'normal',
        to_class: toClass,
        changed_on: on,
        created_at: dbNow(),
      })
    await history(haidian.loanId, 'doubtful', '2025-10-15')
    await history(chaoyang.loanId, 'special_mention', '2025-08-01')
    const branch = await branchViewer()
    const response = await client.get(data('credit-assets:risk-total')).bearerToken(branch.token)
    const trend = new Map<string, string>(
      response.body().trend.map((p: any) => [p.date, p.balance])
    )
    assert.equal(response.body().trend.length, 12)
    assert.equal(response.body().source, 'rebuilt')
    assert.equal(trend.get('2025-09-30'), '0.00')
    assert.equal(trend.get('2025-12-31'), '500000.01') // 海淀 only: 朝阳 entered on 2026-01-01
    assert.equal(trend.get('2026-02-28'), '1600000.01')
    assert.equal(trend.get('2026-03-31'), '1500000.01')
    assert.equal(trend.get('2026-06-30'), '1500000.01')
  })

  test('风险客户排名 and 五级分类分布 cover only the subtree', async ({ client, assert }) => {
    await book()
    const branch = await branchViewer()
    const top = await client.get(data('credit-assets:top-customers')).bearerToken(branch.token)
    top.assertStatus(200)
    assert.deepEqual(
      top.body().rows.map((r: any) => [r.customerName, r.balance]),
      [
        ['朝阳风险客户', '1000000.00'],
        ['海淀风险客户', '500000.01'],
      ]
    )
    const limited = await client
      .get(`${data('credit-assets:top-customers')}?n=1`)
      .bearerToken(branch.token)
    assert.lengthOf(limited.body().rows, 1)
    const bad = await client
      .get(`${data('credit-assets:top-customers')}?n=500`)
      .bearerToken(branch.token)
    bad.assertStatus(422)

    const mix = await client.get(data('credit-assets:class-mix')).bearerToken(branch.token)
    const byClass = Object.fromEntries(mix.body().classes.map((c: any) => [c.code, c.balance]))
    assert.deepEqual(byClass, {
      normal: '200000.00',
      special_mention: '0.00',
      substandard: '1000000.00',
      doubtful: '500000.01',
      loss: '0.00',
    })
    assert.equal(mix.body().total, '1700000.01')
    assert.equal(mix.body().nonPerforming, '1500000.01')
    assert.equal(mix.body().nonPerformingRatio, '88.24') // 1500000.01 / 1700000.01
  })

  test('a 支行 manager with 仅本人 scope sees only loans they manage', async ({
    client,
    assert,
  }) => {
    const manager = await userWith({
      permissions: ['credit-assets:risk-asset:list'],
      dataScope: 'self',
      orgCode: '110101',
    })
    await bookLoan({
      orgCode: '110101',
      fiveClass: 'loss',
      balanceFen: '7000',
      riskAsset: true,
      managerId: manager.user.id,
    })
    await book()
    const response = await client.get(data('credit-assets:risk-total')).bearerToken(manager.token)
    assert.equal(response.body().total, '70.00')
    assert.equal(response.body().loans, 1)
  })
})

test.group('credit-assets: 风险资产总额 trend from the snapshot groups', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a snapshot date with groups reads them, to the fen of its rows, for a branch', async ({
    client,
    assert,
  }) => {
    await book()
    await businessDate.set('2026-06-30')
    const { snapshotLoans } = await import('../../snapshots/loan_snapshot.js')
    await snapshotLoans(db.connection(), '2026-05-29')
    const branch = await branchViewer()
    const trendOf = async () =>
      new Map<string, string>(
        (await client.get(data('credit-assets:risk-total')).bearerToken(branch.token))
          .body()
          .trend.map((p: any) => [p.date, p.balance])
      )
    assert.equal((await trendOf()).get('2026-05-29'), '1500000.01')
    // Proof the groups answer: snapshot rows changed behind them leave the figure as it was.
    await db
      .from('ca_loan_snapshots')
      .where('snapshot_date', '2026-05-29')
      .update({ balance_fen: 1 })
    assert.equal((await trendOf()).get('2026-05-29'), '1500000.01')
    // A date without groups still reads its rows.
    await db.from('ca_book_total_runs').where('snapshot_date', '2026-05-29').delete()
    assert.notEqual((await trendOf()).get('2026-05-29'), '1500000.01')
  })
})

test.group('credit-assets: 风险资产总额 now from the live groups', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('after a snapshot and changes, equal to the rows for a branch and the bank', async ({
    client,
    assert,
  }) => {
    const { chaoyang, pudong } = await book()
    const { snapshotLoans } = await import('../../snapshots/loan_snapshot.js')
    await snapshotLoans(db.connection(), '2026-12-04')
    // Changes after the snapshot, stamped as every writer does.
    await db
      .from('ca_loans')
      .where('id', chaoyang.loanId)
      .update({ balance_fen: '90000000', updated_at: dbNow() })
    await db
      .from('ca_risk_assets')
      .where('loan_id', pudong.loanId)
      .update({ status: 'exited', exited_on: '2026-12-05', updated_at: dbNow() })
    const branch = await branchViewer()
    const admin = await tokenFor('admin')
    const mine = (
      await client.get(data('credit-assets:risk-total')).bearerToken(branch.token)
    ).body()
    assert.equal(mine.total, '1400000.01')
    assert.equal(mine.loans, 2)
    assert.equal(mine.customers, 2)
    const bank = (await client.get(data('credit-assets:risk-total')).bearerToken(admin)).body()
    assert.equal(bank.total, '1400000.01')
    assert.equal(bank.loans, 2)

    // Proof the groups answer: a loan and its risk asset written behind the updated_at rule
    // are not seen as changed, so the snapshot's balance (1,000,000.00) stands for 朝阳.
    await db
      .from('ca_loans')
      .where('id', chaoyang.loanId)
      .update({ balance_fen: '1', updated_at: '2000-01-01 00:00:00' })
    await db
      .from('ca_risk_assets')
      .where('loan_id', chaoyang.loanId)
      .update({ updated_at: '2000-01-01 00:00:00' })
    const again = (
      await client.get(data('credit-assets:risk-total')).bearerToken(branch.token)
    ).body()
    assert.equal(again.total, '1500000.01')
  })
})
