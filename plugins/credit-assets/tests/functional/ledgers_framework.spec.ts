import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import ExcelJS from 'exceljs'
import { unlink } from 'node:fs/promises'
import { exportPath } from '#core/audit/export_files'
import { queue } from '#core/queue/queue'
import { userWith } from '#tests/helpers/auth'
import { bookLoan } from '../helpers.js'

/*
| 台账 framework through credit-assets' 风险资产台账: permission, data scope,
| whitelisted sorting, bound filters, totals, saved views, the queued export.
*/
const LIST = 'credit-assets:risk-asset-ledger:list'
const EXPORT = 'credit-assets:ledger:export'
const URL = '/api/ledgers/risk-assets'

let seq = 0
const uniqueName = () => `台账测试${process.pid}_${++seq}`

test.group('ledgers: 风险资产台账', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  const made: string[] = []
  group.teardown(async () => {
    for (const file of made) await unlink(file).catch(() => {})
  })

  test('needs a token and the ledger permission; the definition lists columns and filters', async ({
    client,
    assert,
  }) => {
    ;(await client.get(`${URL}/rows`)).assertStatus(401)
    const other = await userWith({ permissions: ['credit-assets:risk-asset:list'] })
    ;(await client.get(`${URL}/rows`).bearerToken(other.token)).assertStatus(403)
    const viewer = await userWith({ permissions: [LIST] })
    const def = await client.get(URL).bearerToken(viewer.token)
    def.assertStatus(200)
    assert.equal(def.body().name.zh, '风险资产台账')
    assert.isTrue(def.body().asOf)
    assert.isFalse(def.body().canExport)
    assert.include(
      def.body().columns.map((c: any) => c.key),
      'balance'
    )
    assert.notProperty(def.body().columns[0], 'sql')
    ;(await client.post(`${URL}/exports`).bearerToken(viewer.token).json({})).assertStatus(403)
  })

  test('data scope, filters and the totals row over every filtered row', async ({
    client,
    assert,
  }) => {
    const name = uniqueName()
    await bookLoan({
      riskAsset: true,
      orgCode: '110101',
      balanceFen: '10001',
      customerName: `${name}甲`,
      overdueDays: 100,
    })
    await bookLoan({
      riskAsset: true,
      orgCode: '110101',
      balanceFen: '20002',
      customerName: `${name}乙`,
      overdueDays: 200,
    })
    await bookLoan({
      riskAsset: true,
      orgCode: '310101',
      balanceFen: '40004',
      customerName: `${name}丙`,
      overdueDays: 300,
    })
    await bookLoan({ orgCode: '110101', balanceFen: '80008', customerName: `${name}丁` }) // not a risk asset

    const branch = await userWith({
      permissions: [LIST],
      dataScope: 'org_and_below',
      orgCode: '110000',
    })
    const list = await client
      .get(`${URL}/rows`)
      .bearerToken(branch.token)
      .qs({ keyword: name, perPage: 1 })
    list.assertStatus(200)
    assert.equal(list.body().meta.total, 2)
    assert.lengthOf(list.body().data, 1)
    const totals = await client.get(`${URL}/totals`).bearerToken(branch.token).qs({ keyword: name })
    assert.equal(totals.body().total, 2)
    assert.equal(totals.body().totals.balance, '300.03', 'over every filtered row, not the page')

    const admin = await userWith({ permissions: [LIST] })
    const ranged = await client.get(`${URL}/rows`).bearerToken(admin.token).qs({
      keyword: name,
      overdueDaysFrom: 150,
      balanceTo: '400.04',
      sort: 'balance',
      order: 'asc',
    })
    assert.deepEqual(
      ranged.body().data.map((r: any) => r.balance),
      ['200.02', '400.04']
    )
    const orgFilter = await client
      .get(`${URL}/rows`)
      .bearerToken(admin.token)
      .qs({ keyword: name, orgId: (await db.from('orgs').where('code', '310000').first()).id })
    assert.equal(orgFilter.body().meta.total, 1)
  })

  test('user input never reaches SQL: sort, order, filters and LIKE wildcards', async ({
    client,
    assert,
  }) => {
    const viewer = await userWith({ permissions: [LIST] })
    const get = (qs: Record<string, unknown>) =>
      client.get(`${URL}/rows`).bearerToken(viewer.token).qs(qs)
    // Sort only on whitelisted keys: an SQL expression or an unsortable column is refused.
    ;(await get({ sort: 'l.balance_fen; DROP TABLE ca_loans' })).assertStatus(422)
    ;(await get({ sort: 'customerName' })).assertStatus(422)
    ;(await get({ order: 'desc, (SELECT 1)' })).assertStatus(422)
    ;(await get({ fiveClass: "x' OR '1'='1" })).body().meta.total === 0 ||
      assert.fail('an eq filter value must be bound')
    ;(await get({ overdueDaysFrom: '1 OR 1=1' })).assertStatus(422)
    ;(await get({ balanceFrom: '1e9' })).assertStatus(422)
    ;(await get({ asOf: "2026-01-01' OR 1=1 --" })).assertStatus(422)
    // A % in the keyword is a literal, not a wildcard that matches everything.
    assert.equal((await get({ keyword: '%' })).body().meta.total, 0)
    // An undeclared parameter is ignored, not used.
    const all = (await get({})).body().meta.total
    assert.equal((await get({ 'l.org_id': 1, 'status': 'x' })).body().meta.total, all)
    // The table the DROP named is still there.
    assert.isNotNull(await db.from('ca_loans').count('* as n').first())
  })

  test('saved views are private to their user and keep only declared keys', async ({
    client,
    assert,
  }) => {
    const me = await userWith({ permissions: [LIST] })
    const other = await userWith({ permissions: [LIST] })
    const saved = await client
      .post(`${URL}/views`)
      .bearerToken(me.token)
      .json({
        name: '我的逾期视图',
        isDefault: true,
        config: {
          columns: ['loanNo', 'balance', 'nope'],
          filters: { overdueDaysFrom: 90, evil: 'x' },
          sort: 'balance',
          order: 'desc',
        },
      })
    saved.assertStatus(201)
    const mine = await client.get(`${URL}/views`).bearerToken(me.token)
    assert.deepEqual(mine.body()[0].config.columns, ['loanNo', 'balance'])
    assert.deepEqual(mine.body()[0].config.filters, { overdueDaysFrom: 90 })
    assert.isTrue(mine.body()[0].isDefault)
    assert.lengthOf((await client.get(`${URL}/views`).bearerToken(other.token)).body(), 0)
    const id = saved.body().id
    ;(await client.delete(`${URL}/views/${id}`).bearerToken(other.token)).assertStatus(404)
    ;(await client.delete(`${URL}/views/${id}`).bearerToken(me.token)).assertStatus(204)
  })

  test('export: queued, streamed to xlsx with a totals row, downloadable only by its owner', async ({
    client,
    assert,
  }) => {
    const name = uniqueName()
    await bookLoan({ riskAsset: true, balanceFen: '123456', customerName: `${name}A` })
    await bookLoan({ riskAsset: true, balanceFen: '100', customerName: `${name}B` })
    const exporter = await userWith({ permissions: [LIST, EXPORT] })
    const started = await client
      .post(`${URL}/exports`)
      .bearerToken(exporter.token)
      .json({ keyword: name, columns: ['customerName', 'balance'] })
    started.assertStatus(202)
    const { jobId } = started.body()
    await queue.drain()
    const job = await client.get(`/api/jobs/${jobId}`).bearerToken(exporter.token)
    assert.equal(job.body().status, 'completed', job.body().error)
    const { token, rows, fileName } = job.body().result
    made.push(exportPath(token))
    assert.equal(rows, 2)
    assert.match(fileName, /^风险资产台账_\d{8}_\d{6}\.xlsx$/)

    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(exportPath(token))
    const values: unknown[][] = []
    workbook.worksheets[0].eachRow((row) => values.push((row.values as unknown[]).slice(1)))
    const header = values.findIndex((r) => r[0] === '客户名称')
    assert.deepEqual(values[header], ['客户名称', '贷款余额'])
    assert.deepEqual(values.slice(header + 1), [
      [`${name}B`, 1],
      [`${name}A`, 1234.56],
      ['合计', 1235.56],
    ])

    const someoneElse = await userWith({ permissions: [LIST, EXPORT] })
    const download = `/api/exports/${jobId}/download`
    ;(await client.get(download).bearerToken(someoneElse.token).qs({ token })).assertStatus(404)
    ;(
      await client
        .get(download)
        .bearerToken(exporter.token)
        .qs({ token: 'f'.repeat(64) })
    ).assertStatus(404)
    const file = await client.get(download).bearerToken(exporter.token).qs({ token })
    file.assertStatus(200)
    assert.exists(
      await db
        .from('audit_logs')
        .where({ action: 'ledger.export', entity_id: 'risk-assets' })
        .first()
    )
  })

  test('the other two ledgers: recoveries after handover, customers whose assets all exited', async ({
    client,
    assert,
  }) => {
    const name = uniqueName()
    const viewer = await userWith({
      permissions: [
        'credit-assets:recovery-ledger:list',
        'credit-assets:customer-exit-ledger:list',
      ],
    })
    const a = await bookLoan({ riskAsset: true, customerName: `${name}回收` })
    await db.table('ca_repayments').multiInsert([
      {
        loan_id: a.loanId,
        paid_on: '2025-12-01',
        principal_fen: 999,
        interest_fen: 0,
        penalty_fen: 0,
        created_at: '2026-01-01 00:00:00',
      },
      {
        loan_id: a.loanId,
        paid_on: '2026-02-01',
        principal_fen: 10000,
        interest_fen: 250,
        penalty_fen: 5,
        created_at: '2026-02-01 00:00:00',
      },
    ])
    const rec = await client
      .get('/api/ledgers/risk-recoveries/rows')
      .bearerToken(viewer.token)
      .qs({ keyword: name })
    rec.assertStatus(200)
    assert.equal(rec.body().meta.total, 1, 'the payment before handover is not a recovery')
    assert.containsSubset(rec.body().data[0], {
      paidOn: '2026-02-01',
      method: 'cash',
      recovered: '102.55',
    })

    const b = await bookLoan({ riskAsset: true, customerName: `${name}退出` })
    await db
      .from('ca_risk_assets')
      .where('loan_id', b.loanId)
      .update({ status: 'exited', exited_on: '2026-03-01', exit_reason: '全额清收' })
    const exits = await client
      .get('/api/ledgers/risk-customer-exits/rows')
      .bearerToken(viewer.token)
      .qs({ keyword: name })
    assert.equal(exits.body().meta.total, 1, 'a customer still under management is not listed')
    assert.containsSubset(exits.body().data[0], {
      exitedOn: '2026-03-01',
      exitReason: '全额清收',
      assetCount: 1,
    })
  })
})
