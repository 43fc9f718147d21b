import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { Money } from '#core/money/money'
import { reveal } from '#core/security/sensitive/index'
import { tokenFor, userWith, orgId } from '#tests/helpers/auth'
import { bookLoan } from '../helpers.js'

const base = '/api/credit-assets'

test.group('credit-assets: risk-asset list, loan detail, timeline', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a branch viewer sees only their subtree, by list and by id', async ({ client, assert }) => {
    const chaoyang = await bookLoan({
      orgCode: '110101',
      fiveClass: 'substandard',
      riskAsset: true,
    })
    const pudong = await bookLoan({ orgCode: '310101', fiveClass: 'doubtful', riskAsset: true })
    const viewer = await userWith({
      permissions: ['credit-assets:risk-asset:list', 'credit-assets:loan:list'],
      dataScope: 'org_and_below',
      orgCode: '110000',
    })
    const list = await client.get(`${base}/risk-assets`).bearerToken(viewer.token)
    list.assertStatus(200)
    assert.deepEqual(
      list.body().data.map((r: any) => r.loanId),
      [chaoyang.loanId]
    )
    assert.equal(list.body().meta.total, 1)

    ;(await client.get(`${base}/loans/${chaoyang.loanId}`).bearerToken(viewer.token)).assertStatus(
      200
    )
    ;(await client.get(`${base}/loans/${pudong.loanId}`).bearerToken(viewer.token)).assertStatus(
      404
    )
    ;(
      await client.get(`${base}/loans/${pudong.loanId}/timeline`).bearerToken(viewer.token)
    ).assertStatus(404)
    ;(await client.get(`${base}/loans/abc`).bearerToken(viewer.token)).assertStatus(404)

    const admin = await tokenFor('admin')
    const all = await client.get(`${base}/risk-assets`).bearerToken(admin)
    assert.includeMembers(
      all.body().data.map((r: any) => r.loanId),
      [chaoyang.loanId, pudong.loanId]
    )
  })

  test('a "self only" manager sees the risk assets they manage; pages keep the sort order', async ({
    client,
    assert,
  }) => {
    const manager = await userWith({
      permissions: ['credit-assets:risk-asset:list'],
      dataScope: 'self',
      orgCode: '110101',
    })
    const mine = []
    for (const balanceFen of ['300', '100', '500', '200', '400'])
      mine.push(
        await bookLoan({
          balanceFen,
          managerId: manager.user.id,
          fiveClass: 'loss',
          riskAsset: true,
        })
      )
    await bookLoan({ balanceFen: '999', fiveClass: 'loss', riskAsset: true })
    const page = (qs: Record<string, unknown>) =>
      client.get(`${base}/risk-assets`).qs(qs).bearerToken(manager.token)

    const first = await page({ sort: 'balance', order: 'desc', perPage: 2, page: 1 })
    first.assertStatus(200)
    assert.equal(first.body().meta.total, 5)
    assert.deepEqual(
      first.body().data.map((r: any) => r.balance),
      ['5.00', '4.00']
    )
    const third = await page({ sort: 'balance', order: 'desc', perPage: 2, page: 3 })
    assert.deepEqual(
      third.body().data.map((r: any) => r.balance),
      ['1.00']
    )
    const filtered = await page({ fiveClass: 'loss', overdueMax: 0, keyword: '测试客户' })
    assert.equal(filtered.body().meta.total, 5)
    assert.sameMembers(
      filtered.body().data.map((r: any) => r.loanId),
      mine.map((m) => m.loanId)
    )
    const none = await page({ fiveClass: 'normal' })
    assert.equal(none.body().meta.total, 0)
    assert.deepEqual(none.body().data, [])
  })

  test('refuses without the permission code, and without a token', async ({ client }) => {
    const other = await userWith({ permissions: ['credit-assets:floor-alert:list'] })
    ;(await client.get(`${base}/risk-assets`).bearerToken(other.token)).assertStatus(403)
    ;(await client.get(`${base}/loans/1`).bearerToken(other.token)).assertStatus(403)
    ;(await client.get(`${base}/floor-alerts`).bearerToken(other.token)).assertStatus(200)
    ;(await client.get(`${base}/risk-assets`)).assertStatus(401)
    const reader = await userWith({ permissions: ['credit-assets:loan:list'] })
    ;(
      await client
        .post(`${base}/loans/1/classification`)
        .bearerToken(reader.token)
        .json({ fiveClass: 'loss', reason: 'x' })
    ).assertStatus(403)
  })

  test('filters by org subtree, class, overdue range and keyword; sorts only by the whitelist', async ({
    client,
    assert,
  }) => {
    const a = await bookLoan({
      orgCode: '110101',
      fiveClass: 'substandard',
      overdueDays: 120,
      riskAsset: true,
      customerName: '北京甲公司',
    })
    const b = await bookLoan({
      orgCode: '110102',
      fiveClass: 'loss',
      overdueDays: 400,
      riskAsset: true,
    })
    const c = await bookLoan({
      orgCode: '310101',
      fiveClass: 'substandard',
      overdueDays: 10,
      riskAsset: true,
    })
    const admin = await tokenFor('admin')
    const ids = async (qs: Record<string, unknown>) => {
      const response = await client
        .get(`${base}/risk-assets`)
        .bearerToken(admin)
        .qs({ perPage: 200, ...qs })
      response.assertStatus(200)
      return response
        .body()
        .data.map((r: any) => r.loanId)
        .filter((id: number) => [a.loanId, b.loanId, c.loanId].includes(id))
        .sort((x: number, y: number) => x - y)
    }
    assert.deepEqual(await ids({ orgId: await orgId('110000') }), [a.loanId, b.loanId])
    assert.deepEqual(await ids({ fiveClass: 'substandard' }), [a.loanId, c.loanId])
    assert.deepEqual(await ids({ overdueMin: 100, overdueMax: 399 }), [a.loanId])
    assert.deepEqual(await ids({ keyword: '北京甲' }), [a.loanId])
    const sorted = await client
      .get(`${base}/risk-assets`)
      .bearerToken(admin)
      .qs({ sort: 'overdueDays', order: 'desc', perPage: 200 })
    const days = sorted.body().data.map((r: any) => r.overdueDays)
    assert.deepEqual(
      days,
      [...days].sort((x: number, y: number) => y - x)
    )
    ;(
      await client.get(`${base}/risk-assets`).bearerToken(admin).qs({ sort: 'id; drop table x' })
    ).assertStatus(200)
    ;(
      await client.get(`${base}/risk-assets`).bearerToken(admin).qs({ fiveClass: 'bad' })
    ).assertStatus(422)
  })

  test('money is exact to the fen: the list adds up to the database SUM', async ({
    client,
    assert,
  }) => {
    // 2^53 + 1 fen: a JS float would lose the last fen.
    await bookLoan({
      orgCode: '440101',
      fiveClass: 'loss',
      balanceFen: '9007199254740993',
      amountFen: '9007199254740993',
      riskAsset: true,
    })
    await bookLoan({ orgCode: '440101', fiveClass: 'loss', balanceFen: '1', riskAsset: true })
    const admin = await tokenFor('admin')
    const response = await client
      .get(`${base}/risk-assets`)
      .bearerToken(admin)
      .qs({ orgId: await orgId('440101'), perPage: 200 })
    const listed = Money.sum(response.body().data.map((r: any) => Money.fromYuan(r.balance)))
    const row = await db
      .from('ca_risk_assets as r')
      .join('ca_loans as l', 'l.id', 'r.loan_id')
      .where('l.org_id', await orgId('440101'))
      .select(db.raw('CAST(SUM(l.balance_fen) AS CHAR) as total'))
      .first()
    assert.equal(listed.toFen(), String(row.total))
    assert.equal(listed.toYuan(), '90071992547409.94')
  })

  test('loan detail carries customer, contract and money as yuan strings', async ({
    client,
    assert,
  }) => {
    const loan = await bookLoan({ orgCode: '110101', balanceFen: '12345', amountFen: '100000' })
    const huge = await bookLoan({ orgCode: '110101', balanceFen: '9007199254740993' })
    const admin = await tokenFor('admin')
    const response = await client.get(`${base}/loans/${loan.loanId}`).bearerToken(admin)
    response.assertStatus(200)
    assert.equal(response.body().balance, '123.45')
    assert.equal(response.body().amount, '1000.00')
    assert.equal(response.body().rate, '0.043500')
    assert.equal(response.body().customer.id, loan.customerId)
    assert.equal(response.body().contract.amount, '1000.00')
    const hugeDetail = await client.get(`${base}/loans/${huge.loanId}`).bearerToken(admin)
    assert.equal(hugeDetail.body().balance, '90071992547409.93')
  })

  test('balance-sorted pages, keyword branches and a branch class filter match the plain list', async ({
    client,
    assert,
  }) => {
    // Ties in balance, broken by risk-asset id; 42 rows so that perPage 1 pages
    // 1–2 go through the balance bound (page × perPage × 20 ≤ total).
    const booked = []
    const cycle = ['700', '300', '700', '300', '500', '700', '100']
    for (const balanceFen of Array.from({ length: 6 }, () => cycle).flat())
      booked.push(
        await bookLoan({
          balanceFen,
          orgCode: '110101',
          fiveClass: 'doubtful',
          riskAsset: true,
          customerName: booked.length ? undefined : '朝阳测速科技有限公司',
        })
      )
    await bookLoan({ balanceFen: '700', orgCode: '310101', fiveClass: 'doubtful', riskAsset: true })
    const viewer = await userWith({
      permissions: ['credit-assets:risk-asset:list'],
      dataScope: 'org_and_below',
      orgCode: '110000',
    })
    const list = async (qs: Record<string, unknown>) => {
      const response = await client.get(`${base}/risk-assets`).bearerToken(viewer.token).qs(qs)
      response.assertStatus(200)
      return response.body()
    }
    for (const order of ['desc', 'asc']) {
      const whole = await list({ sort: 'balance', order, perPage: 200, fiveClass: 'doubtful' })
      assert.equal(whole.meta.total, 42)
      for (const perPage of [1, 2, 5])
        for (const page of [1, 2, 3, 9]) {
          const paged = await list({ sort: 'balance', order, perPage, page, fiveClass: 'doubtful' })
          assert.deepEqual(
            paged.data.map((r: any) => r.id),
            whole.data.slice((page - 1) * perPage, page * perPage).map((r: any) => r.id)
          )
        }
      const balances = whole.data.map((r: any) => Number(r.balance))
      assert.deepEqual(
        balances,
        [...balances].sort((x, y) => (order === 'desc' ? y - x : x - y))
      )
    }
    const tied = (await list({ sort: 'balance', order: 'desc', perPage: 200 })).data
      .filter((r: any) => r.balance === '7.00')
      .map((r: any) => r.id)
    assert.deepEqual(
      tied,
      [...tied].sort((x, y) => y - x)
    )

    // Keyword: 借据号 prefix, customer-name substring, exact ID number — scoped.
    const [target] = booked
    const loan = await db.from('ca_loans').where('id', target.loanId).first()
    const customer = await db.from('ca_customers').where('id', loan.customer_id).first()
    // The row holds the masked number; a clerk types the whole clear one.
    const idNo = reveal(customer.id_no_enc)!
    for (const keyword of ['测速科技', idNo]) {
      const found = await list({ keyword })
      assert.deepEqual(
        found.data.map((r: any) => r.loanId),
        [target.loanId],
        keyword
      )
      assert.equal(found.meta.total, 1)
    }
    const byLoanNo = await list({ keyword: loan.loan_no, perPage: 200 })
    assert.include(
      byLoanNo.data.map((r: any) => r.loanId),
      target.loanId
    )
    assert.isTrue(byLoanNo.data.every((r: any) => r.loanNo.startsWith(loan.loan_no)))
    assert.equal((await list({ keyword: `${idNo}X` })).meta.total, 0)
    assert.equal((await list({ fiveClass: 'loss' })).meta.total, 0)
  })
})
