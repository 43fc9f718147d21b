import { test } from '@japa/runner'
import { ApiRequest } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import ExcelJS from 'exceljs'
import { ConnectorError } from '#core/connectors/connector_error'
import { tokenFor, userWith } from '#tests/helpers/auth'
import { addClassificationChange, bookLoan } from '../../../credit-assets/fixtures/book_fixture.js'
import { bookApi } from '../../../credit-assets/services/book_api.js'
import { recordRiskEvent } from '../../../credit-assets/services/risk_events.js'
import { addLoan, binaryParser, fakeBankSystems } from '../helpers.js'
import { bankSystemsSource } from '../../services/bank_systems.js'
import { loadPanel } from '../../services/external_panels.js'
import { addTag } from '../../services/tags.js'
import { decimalText, Money } from '#core/money/money'

const base = '/api/customer-view'
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const LIST = 'customer-view:customer:list'
const TAG = 'customer-view:customer:tag'
const EXPORT = 'customer-view:customer:export'

/** A viewer of the Beijing branch (110000 and below). */
const beijingViewer = (permissions = [LIST, TAG, EXPORT]) =>
  userWith({ permissions, dataScope: 'org_and_below', orgCode: '110000' })

const auditCount = async (action: string, entityId: number) => {
  const row = await db
    .from('audit_logs')
    .where('action', action)
    .where('entity_id', String(entityId))
    .count('* as n')
    .first()
  return Number(row.n)
}

test.group('customer-view: search, portrait and data scope', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => () => bankSystemsSource.restore())

  test('a branch viewer finds only their subtree; another branch by id is 404 everywhere', async ({
    client,
    assert,
  }) => {
    const chaoyang = await bookLoan({
      orgCode: '110101',
      customerName: '客户视图朝阳甲',
      fiveClass: 'substandard',
    })
    const pudong = await bookLoan({
      orgCode: '310101',
      customerName: '客户视图浦东乙',
      fiveClass: 'substandard',
    })
    bankSystemsSource.use(fakeBankSystems())
    const viewer = await beijingViewer()

    const list = await client
      .get(`${base}/customers`)
      .qs({ keyword: '客户视图' })
      .bearerToken(viewer.token)
    list.assertStatus(200)
    assert.deepEqual(
      list.body().data.map((r: any) => r.id),
      [chaoyang.customerId]
    )
    assert.equal(list.body().meta.total, 1)
    assert.equal(list.body().data[0].worstClass, 'substandard')

    // Admin (all data) sees both; the loan number and the class filter find customers too.
    const admin = await tokenFor('admin')
    const all = await client
      .get(`${base}/customers`)
      .qs({ keyword: '客户视图', sort: 'name', order: 'asc' })
      .bearerToken(admin)
    assert.sameMembers(
      all.body().data.map((r: any) => r.id),
      [chaoyang.customerId, pudong.customerId]
    )
    const loanNo = pudong.loanNo
    const byLoan = await client.get(`${base}/customers`).qs({ keyword: loanNo }).bearerToken(admin)
    assert.deepEqual(
      byLoan.body().data.map((r: any) => r.id),
      [pudong.customerId]
    )
    const byLoanScoped = await client
      .get(`${base}/customers`)
      .qs({ keyword: loanNo })
      .bearerToken(viewer.token)
    assert.equal(byLoanScoped.body().meta.total, 0)
    const normal = await client
      .get(`${base}/customers`)
      .qs({ keyword: '客户视图', fiveClass: 'normal' })
      .bearerToken(admin)
    assert.equal(normal.body().meta.total, 0)
    ;(
      await client.get(`${base}/customers`).qs({ fiveClass: 'bad' }).bearerToken(admin)
    ).assertStatus(422)

    ;(
      await client.get(`${base}/customers/${chaoyang.customerId}`).bearerToken(viewer.token)
    ).assertStatus(200)
    const other = pudong.customerId
    for (const path of [
      `/customers/${other}`,
      `/customers/${other}/panels/alerts`,
      `/customers/${other}/loans-export`,
      '/customers/999999999',
    ])
      (await client.get(`${base}${path}`).bearerToken(viewer.token)).assertStatus(404)
    ;(
      await client
        .post(`${base}/customers/${other}/tags`)
        .json({ tag: 'focus' })
        .bearerToken(viewer.token)
    ).assertStatus(404)
    ;(
      await client.delete(`${base}/customers/${other}/tags/focus`).bearerToken(viewer.token)
    ).assertStatus(404)

    const outsider = await userWith({ permissions: [], orgCode: '110000' })
    ;(await client.get(`${base}/customers`).bearerToken(outsider.token)).assertStatus(403)
    ;(await client.get(`${base}/customers`)).assertStatus(401)
  })

  test('exposure totals are exact to the fen and match the database sums', async ({
    client,
    assert,
  }) => {
    const first = await bookLoan({
      orgCode: '110101',
      balanceFen: '4503599627370497',
      amountFen: '4503599627370497',
    })
    const orgId = first.orgId
    await addLoan(first.customerId, {
      orgId,
      balanceFen: '4503599627370497',
      fiveClass: 'doubtful',
      riskAsset: true,
      interestFen: '101',
    })
    await addLoan(first.customerId, { orgId, balanceFen: '1', fiveClass: 'loss', riskAsset: true })
    await addLoan(first.customerId, { orgId, balanceFen: '999', status: 'settled' })
    // Another branch's loan of the same customer is outside a Beijing viewer's scope.
    await addLoan(first.customerId, {
      orgId: (await db.from('orgs').where('code', '310101').first()).id,
      balanceFen: '777',
    })

    const viewer = await beijingViewer()
    const response = await client
      .get(`${base}/customers/${first.customerId}`)
      .bearerToken(viewer.token)
    response.assertStatus(200)
    const exposure = response.body().exposure

    const active = await bookApi.loans.search({
      customerId: first.customerId,
      orgId,
      status: 'active',
      perPage: 200,
    })
    const sum = (values: string[]) => Money.sum(values.map((v) => Money.fromYuan(v))).toYuan()
    assert.equal(sum(active.data.map((l) => l.balance)), '90071992547409.95')
    assert.equal(exposure.loanBalance, '90071992547409.95')
    assert.equal(exposure.totalExposure, '90071992547411.97')
    assert.equal(
      sum(active.data.flatMap((l) => [l.onBalanceInterest, l.offBalanceInterest])),
      '2.02'
    )
    assert.equal(exposure.riskAssetBalance, '45035996273704.98')
    assert.equal(exposure.riskAssetCount, 2)
    assert.equal(exposure.loanCount, 3)
    // The portrait's loan table holds the four Beijing loans (settled too), not Pudong's.
    assert.lengthOf(response.body().loans, 4)
    assert.notInclude(
      response.body().loans.map((l: any) => l.balance),
      '7.77'
    )
  })

  test('classification trend and timeline carry dates, classes and operator names', async ({
    client,
    assert,
  }) => {
    const loan = await bookLoan({ orgCode: '110101', fiveClass: 'doubtful', riskAsset: true })
    const admin = await db.from('users').where('username', 'admin').first()
    await addClassificationChange(loan.loanId, {
      from: 'normal',
      to: 'substandard',
      changedOn: '2026-02-01',
      reason: '逾期',
    })
    await addClassificationChange(loan.loanId, {
      from: 'substandard',
      to: 'doubtful',
      changedOn: '2026-05-01',
      reason: '担保人失联',
      operatorId: admin.id,
    })
    await recordRiskEvent(db.connection(), {
      type: 'classification',
      businessDate: '2026-05-01',
      loanId: loan.loanId,
      customerId: loan.customerId,
      before: { fiveClass: 'substandard' },
      after: { fiveClass: 'doubtful' },
      operatorId: admin.id,
    })
    const response = await client
      .get(`${base}/customers/${loan.customerId}`)
      .bearerToken(await tokenFor('admin'))
    const body = response.body()
    assert.deepEqual(
      body.classificationTrend.map((h: any) => [h.changedOn, h.toClass]),
      [
        ['2026-02-01', 'substandard'],
        ['2026-05-01', 'doubtful'],
      ]
    )
    assert.equal(body.timeline[0].operatorName, admin.real_name)
    assert.equal(body.timeline[0].after.fiveClass, 'doubtful')
    assert.equal(body.customer.orgId, loan.orgId)
  })
})

test.group('customer-view: external panels', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => () => bankSystemsSource.restore())

  test('a failing connector marks its panel unavailable while the others answer', async ({
    client,
    assert,
  }) => {
    const loan = await bookLoan({ orgCode: '110101' })
    bankSystemsSource.use(
      fakeBankSystems({
        alerts: async () => {
          throw new ConnectorError('unavailable', 'ECONNREFUSED', 'warning', 'alerts')
        },
        collections: async () => {
          throw new Error('malformed body')
        },
      })
    )
    const viewer = await beijingViewer([LIST])
    const get = (panel: string) =>
      client.get(`${base}/customers/${loan.customerId}/panels/${panel}`).bearerToken(viewer.token)

    const alerts = await get('alerts')
    alerts.assertStatus(200)
    assert.equal(alerts.body().status, 'unavailable')
    assert.include(alerts.body().message, '智能预警')
    assert.equal((await get('collections')).body().status, 'unavailable')

    const graph = await get('graph')
    assert.equal(graph.body().status, 'ok')
    assert.lengthOf(graph.body().data.nodes, 2)
    const lines = await get('creditLines')
    assert.deepEqual(lines.body(), {
      panel: 'creditLines',
      status: 'ok',
      data: [
        {
          lender: '本行',
          product: '流动资金',
          limit: '5000000.00',
          used: '1000000.00',
          expiresOn: '2027-01-01',
          insideBank: true,
        },
      ],
    })
    ;(await get('nonsense')).assertStatus(404)
    // The portrait itself never depends on the external systems.
    ;(
      await client.get(`${base}/customers/${loan.customerId}`).bearerToken(viewer.token)
    ).assertStatus(200)
  })

  test('a connector slower than the timeout is unavailable, not a hung page', async ({
    assert,
  }) => {
    const systems = fakeBankSystems({ graph: () => new Promise(() => {}) })
    const started = Date.now()
    const result = await loadPanel('graph', 'C1', systems, { timeoutMs: 50, locale: 'en' })
    assert.equal(result.status, 'unavailable')
    assert.equal(result.message, 'Risk control: did not answer in time')
    assert.isBelow(Date.now() - started, 1000)
    const missing = await loadPanel('alerts', 'C1', null, { timeoutMs: 50, locale: 'zh-CN' })
    assert.equal(missing.status, 'unavailable')
  })
})

test.group('customer-view: tags and export', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.setup(() => {
    ApiRequest.addParser(XLSX, binaryParser)
    return () => ApiRequest.removeParser(XLSX)
  })

  test('tags are added and removed once each, audited, and need the tag permission', async ({
    client,
    assert,
  }) => {
    const loan = await bookLoan({ orgCode: '110101' })
    const viewer = await beijingViewer()
    const url = `${base}/customers/${loan.customerId}/tags`

    const added = await client.post(url).json({ tag: 'focus' }).bearerToken(viewer.token)
    added.assertStatus(200)
    assert.isTrue(added.body().added)
    assert.deepEqual(
      added.body().tags.map((t: any) => t.tag),
      ['focus']
    )
    // A second add of the same tag is a no-op (the core's repeat-submit guard stops an immediate resubmit first).
    assert.isFalse(await addTag(loan.customerId, 'focus', viewer.user.id))
    const invalid = await client.post(url).json({ tag: 'no-such-tag' }).bearerToken(viewer.token)
    invalid.assertStatus(422)
    assert.equal(invalid.body().errors[0].field, 'tag')
    assert.equal(await auditCount('customer.tag.add', loan.customerId), 1)

    const tagged = await client
      .get(`${base}/customers`)
      .qs({ tag: 'focus' })
      .bearerToken(viewer.token)
    assert.deepEqual(
      tagged.body().data.map((r: any) => r.id),
      [loan.customerId]
    )
    assert.deepEqual(tagged.body().data[0].tags, ['focus'])

    const readOnly = await beijingViewer([LIST])
    ;(await client.post(url).json({ tag: 'litigation' }).bearerToken(readOnly.token)).assertStatus(
      403
    )
    ;(await client.delete(`${url}/focus`).bearerToken(readOnly.token)).assertStatus(403)

    ;(await client.delete(`${url}/focus`).bearerToken(viewer.token)).assertStatus(200)
    ;(await client.delete(`${url}/unreachable`).bearerToken(viewer.token)).assertStatus(404)
    assert.equal(await auditCount('customer.tag.remove', loan.customerId), 1)
    const portrait = await client
      .get(`${base}/customers/${loan.customerId}`)
      .bearerToken(viewer.token)
    assert.deepEqual(portrait.body().tags, [])
  })

  test('loans export is an xlsx of the customer’s visible loans, audited', async ({
    client,
    assert,
  }) => {
    const first = await bookLoan({ orgCode: '110101', balanceFen: '12345678901' })
    const second = await addLoan(first.customerId, {
      orgId: first.orgId,
      balanceFen: '5',
      fiveClass: 'loss',
    })
    const viewer = await beijingViewer()

    const response = await client
      .get(`${base}/customers/${first.customerId}/loans-export`)
      .bearerToken(viewer.token)
    response.assertStatus(200)
    assert.include(response.header('content-type'), 'spreadsheetml')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(response.body())
    const sheet = workbook.worksheets[0]
    assert.equal(sheet.rowCount, 3)
    assert.equal(sheet.getRow(1).getCell(1).value, '借据号')
    const firstNo = first.loanNo
    assert.deepEqual(
      [sheet.getRow(2).getCell(1).value, sheet.getRow(3).getCell(1).value],
      [firstNo, second.loanNo]
    )
    assert.equal(decimalText(String(sheet.getRow(2).getCell(6).value), 2), '123456789.01')
    assert.equal(sheet.getRow(3).getCell(14).value, '损失')
    assert.equal(await auditCount('customer.export', first.customerId), 1)

    const noExport = await beijingViewer([LIST])
    ;(
      await client
        .get(`${base}/customers/${first.customerId}/loans-export`)
        .bearerToken(noExport.token)
    ).assertStatus(403)
  })
})
