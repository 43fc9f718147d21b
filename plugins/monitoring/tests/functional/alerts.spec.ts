import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { businessDate } from '#core/business_day/business_date'
import { buildBook } from '#tests/fixtures/book'
import { userWith } from '#tests/helpers/auth'
import { bookLoan, type CreditBook } from '../../../credit-assets/fixtures/book_fixture.js'
import {
  pointSystemsAt,
  resetBreakers,
  startTestSimulator,
  type Simulator,
} from '../../../bank-systems/simulator/harness.js'
import { loanLimitation } from '../../../disposal/services/limitation_api.js'
import { pullAlerts } from '../../services/pull_alerts.js'

/*
| 全方位动态监测 · 智能预警: a date's alerts stored once (a second pull adds and
| tells nothing), each new one a 消息 to the customer's managers who hold the
| permission and see the customer; a suit the bank filed, confirmed by a
| manager, becomes a lawsuit event on the customer's loans (disposal's
| limitation service); every read hangs off a customer in scope.
*/
const DATE = '2026-03-10'
const CODES = [
  'monitoring:alert:list',
  'monitoring:alert:confirm',
  'monitoring:alert:pull',
  'disposal:limitation:list',
]

async function inject(sim: Simulator, alert: Record<string, unknown>) {
  const response = await fetch(`${sim.url}/__sim/warning/alerts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ occurredOn: DATE, ...alert }),
  })
  if (!response.ok) throw new Error(await response.text())
}

async function scene(sim: Simulator) {
  await businessDate.set('2026-03-15')
  const book = await buildBook({ permissions: CODES })
  const { loans } = book.data['credit-assets'] as unknown as CreditBook
  const customerNo = async (id: number) =>
    (await db.from('ca_customers').where('id', id).first()).customer_no as string
  const sub = loans.substandard // 管户 accountManagerB (仅本人), first sub-branch
  await inject(sim, {
    alertNo: 'YJ-T-0001',
    customerNo: await customerNo(sub.customerId),
    kind: 'new_lawsuit',
    title: '新增诉讼：本行起诉',
    detail: { caseNo: '（2026）京0105民初00123号', filedOn: '2026-03-09', bankIsPlaintiff: true },
  })
  await inject(sim, {
    alertNo: 'YJ-T-0002',
    customerNo: await customerNo(sub.customerId),
    kind: 'collateral_value_drop',
    title: '押品价值下降',
    level: 'medium',
    detail: { valueBeforeFen: '100000000', valueAfterFen: '70000000' },
  })
  await inject(sim, { alertNo: 'YJ-T-0003', customerNo: 'NOT-OURS', kind: 'equity_change' })
  return { book, sub, customerNo }
}

const messagesOf = (userId: number) =>
  db.from('messages').where('user_id', userId).where('type', 'monitoring.alert').orderBy('id')

test.group('monitoring: 智能预警', (group) => {
  let sim: Simulator
  group.setup(async () => {
    sim = await startTestSimulator()
    return () => sim.stop()
  })
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    sim.reset()
    await pointSystemsAt(sim)
    return async () => {
      await rollback()
      resetBreakers()
    }
  })

  test('a date pulled twice stores and tells each alert once, to managers only', async ({
    assert,
  }) => {
    const { book, sub } = await scene(sim)
    const customerName = (await db.from('ca_customers').where('id', sub.customerId).first()).name
    // The feed may add its own alerts for the book's other customers: count ours.
    const first = await pullAlerts(DATE)
    assert.isAtLeast(first.added, 2)
    assert.equal(first.unknownCustomers, 1)
    const again = await pullAlerts(DATE)
    assert.include(again, { added: 0, alreadyKnown: first.added, unknownCustomers: 1 })

    const stored = await db.from('monitoring_alerts').where('customer_id', sub.customerId)
    assert.lengthOf(stored, 2)
    assert.deepEqual(stored.map((a) => [a.alert_no, a.effect, a.limitation_status]).sort(), [
      ['YJ-T-0001', 'lawsuit', 'pending'],
      ['YJ-T-0002', 'none', null],
    ])
    // The customer's manager (仅本人, owns the customer) hears of both, once.
    const told = await messagesOf(book.people.accountManagerB.id).whereIn(
      'title',
      stored.map(
        (a) =>
          `【${a.kind === 'new_lawsuit' ? '新增诉讼' : '押品价值下降'}】${customerName}：${a.title}`
      )
    )
    assert.lengthOf(told, 2)
    assert.include(told[0].title, '新增诉讼')
    assert.include(told[0].link, `/p/customer-view/CustomerView?id=${sub.customerId}`)
    // Another manager of the same sub-branch is not this customer's manager.
    assert.lengthOf(
      await messagesOf(book.people.accountManagerA.id).where(
        'link',
        'like',
        `%id=${sub.customerId}&%`
      ),
      0
    )
  })

  test('managers without the permission or the customer in scope are not told', async ({
    assert,
  }) => {
    const { book, customerNo } = await scene(sim)
    const noPermission = await userWith({ permissions: ['customer-view:customer:list'] })
    const mine = await bookLoan({
      orgId: book.orgs.subBranches[0],
      managerId: noPermission.user.id,
      fiveClass: 'loss',
      riskAsset: true,
    })
    // The first sub-branch's clerk (scope: own org) manages a loan of branch 2's customer.
    const far = await bookLoan({
      orgId: book.orgs.subBranches[2],
      managerId: book.people.subBranchClerk.id,
      fiveClass: 'loss',
      riskAsset: true,
    })
    await inject(sim, {
      alertNo: 'YJ-T-0101',
      customerNo: await customerNo(mine.customerId),
      kind: 'executed_person',
    })
    await inject(sim, {
      alertNo: 'YJ-T-0102',
      customerNo: await customerNo(far.customerId),
      kind: 'equity_change',
    })
    await pullAlerts(DATE)
    assert.lengthOf(await messagesOf(noPermission.user.id), 0)
    assert.lengthOf(await messagesOf(book.people.subBranchClerk.id), 0)
    const rows = await db.from('monitoring_alerts').whereIn('alert_no', ['YJ-T-0101', 'YJ-T-0102'])
    assert.deepEqual(
      rows.map((r) => Number(r.notified)),
      [0, 0]
    )
  })

  test('the panel lists a customer in scope; another customer is 404', async ({
    client,
    assert,
  }) => {
    const { book, sub } = await scene(sim)
    await pullAlerts(DATE)
    const mine = await client
      .get(`/api/monitoring/customers/${sub.customerId}/alerts`)
      .bearerToken(book.people.accountManagerB.token)
    mine.assertStatus(200)
    assert.includeMembers(
      mine.body().data.map((a: any) => a.alertNo),
      ['YJ-T-0001', 'YJ-T-0002']
    )
    ;(
      await client
        .get(`/api/monitoring/customers/${sub.customerId}/alerts`)
        .bearerToken(book.people.accountManagerA.token)
    ).assertStatus(404)
    ;(
      await client
        .get(`/api/monitoring/customers/${sub.customerId}/alerts`)
        .bearerToken(book.people.otherBranchManager.token)
    ).assertStatus(404)
  })

  test('a suit the bank filed, confirmed, interrupts the limitation period; once; audited', async ({
    client,
    assert,
  }) => {
    const { book, sub } = await scene(sim)
    await pullAlerts(DATE)
    const alerts = (
      await client
        .get(`/api/monitoring/customers/${sub.customerId}/alerts`)
        .bearerToken(book.people.accountManagerB.token)
    ).body().data
    const lawsuit = alerts.find((a: any) => a.alertNo === 'YJ-T-0001')
    const drop = alerts.find((a: any) => a.alertNo === 'YJ-T-0002')
    const url = (id: number) =>
      `/api/monitoring/customers/${sub.customerId}/alerts/${id}/limitation`

    // Out of scope: 404, even knowing the ids.
    ;(
      await client.post(url(lawsuit.id)).bearerToken(book.people.accountManagerA.token)
    ).assertStatus(404)
    // An alert that moves no deadline: 422.
    ;(await client.post(url(drop.id)).bearerToken(book.people.accountManagerB.token)).assertStatus(
      422
    )
    ;(
      await client
        .post(url(lawsuit.id))
        .bearerToken(book.people.accountManagerB.token)
        .json({ x: 1 })
    ).assertStatus(422)

    const confirmed = await client
      .post(url(lawsuit.id))
      .bearerToken(book.people.accountManagerB.token)
    confirmed.assertStatus(200)
    assert.deepEqual(
      confirmed.body().events.map((e: any) => e.loanId),
      [sub.loanId]
    )
    const limitation = await loanLimitation(sub.loanId)
    const event = limitation?.events.find((e) => e.type === 'lawsuit')
    assert.exists(event)
    assert.equal(event!.date, '2026-03-09')
    assert.equal(event!.proofRef, '（2026）京0105民初00123号')

    ;(
      await client.post(url(lawsuit.id)).bearerToken(book.people.accountManagerB.token)
    ).assertStatus(409)
    const audits = await db.from('audit_logs').where('action', 'monitoring.alert.limitation')
    assert.lengthOf(audits, 1)
  })

  test('pull route queues the job (202); a bad date is 422; without the code 403', async ({
    client,
  }) => {
    const { book } = await scene(sim)
    const token = book.people.headOfficeRisk.token
    ;(
      await client
        .post('/api/monitoring/alerts/pull')
        .bearerToken(token)
        .json({ businessDate: '2026-02-30' })
    ).assertStatus(422)
    ;(
      await client.post('/api/monitoring/alerts/pull').bearerToken(token).json({ when: 'x' })
    ).assertStatus(422)
    ;(
      await client
        .post('/api/monitoring/alerts/pull')
        .bearerToken(token)
        .json({ businessDate: DATE })
    ).assertStatus(202)
    const outsider = await userWith({ permissions: ['monitoring:alert:list'] })
    ;(
      await client.post('/api/monitoring/alerts/pull').bearerToken(outsider.token).json({})
    ).assertStatus(403)
  })
})
