import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { ConnectorError } from '#core/connectors/connector_error'
import { Money } from '#core/money/money'
import { bankSystems, useAdapter } from '../../adapters/index.js'
import type { WarningAdapter } from '../../adapters/contracts.js'
import type { Simulator } from '../../simulator/server.js'
import {
  pointSystemsAt,
  resetBreakers,
  richCustomer,
  smallBook,
  startTestSimulator,
} from '../helpers.js'

/*
| Each adapter, over real HTTP against the simulator, returns contract-shaped
| data that tells the same story as the credit-assets book.
*/
const YUAN = /^-?\d+\.\d{2}$/
const DATE = /^\d{4}-\d{2}-\d{2}$/

test.group('bank-systems: adapters', (group) => {
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

  test('customer centre, core banking and collateral agree with the book', async ({ assert }) => {
    await smallBook()
    const customer = await richCustomer()
    const profile = await bankSystems.customerCenter.profile(customer.customer_no)
    assert.equal(profile.customerNo, customer.customer_no)
    assert.equal(profile.name, customer.name)
    assert.match(profile.phone!, /^1\d{10}$/)
    assert.isString(profile.address)
    if (customer.customer_type === 'corporate') assert.isString(profile.legalRepresentative)
    else assert.isNull(profile.legalRepresentative)

    const loan = await db.from('ca_loans').where('customer_id', customer.id).orderBy('id').first()
    const balance = await bankSystems.coreBanking.loanBalance(loan.loan_no)
    assert.equal(balance.principal, Money.fromFen(loan.balance_fen).toYuan())
    assert.equal(balance.penaltyInterest, Money.fromFen(loan.penalty_interest_fen).toYuan())
    for (const key of ['normalInterest', 'overdueInterest', 'compoundInterest'] as const)
      assert.match(balance[key], YUAN)
    assert.match(balance.asOf, DATE)

    const collaterals = await bankSystems.collateral.collaterals(customer.customer_no)
    const inBook = await db
      .from('ca_collaterals')
      .join('ca_loans', 'ca_loans.id', 'ca_collaterals.loan_id')
      .where('ca_loans.customer_id', customer.id)
      .select('ca_collaterals.*')
    assert.lengthOf(collaterals, inBook.length)
    assert.isAbove(collaterals.length, 0)
    const first = collaterals.find((c) => c.collateralNo === inBook[0].collateral_ref)!
    assert.equal(first.appraisedValue, Money.fromFen(inBook[0].value_fen).toYuan())
    assert.match(first.valuedOn, DATE)
  })

  test('credit lines, graph, alerts, collection, documents and checks are contract-shaped', async ({
    assert,
  }) => {
    await smallBook()
    const customer = await richCustomer()
    const no = customer.customer_no

    const lines = await bankSystems.creditLimit.creditLines(no)
    const contracts = await db.from('ca_contracts').where('customer_id', customer.id)
    assert.lengthOf(
      lines.filter((l) => l.insideBank),
      contracts.length
    )
    for (const l of lines) {
      assert.match(l.limit, YUAN)
      assert.match(l.used, YUAN)
      assert.match(l.expiresOn, DATE)
    }

    const graph = await bankSystems.riskControl.relationshipGraph(no)
    const ids = new Set(graph.nodes.map((n) => n.id))
    assert.isTrue(graph.nodes.some((n) => n.kind === 'customer' && n.name === customer.name))
    for (const link of graph.links) {
      assert.isTrue(ids.has(link.source) && ids.has(link.target), 'links join known nodes')
      assert.oneOf(link.relation, [
        'guarantee',
        'shareholder',
        'group',
        'legal_rep',
        'related_loan',
      ])
    }
    const guarantors = await db
      .from('ca_guarantees')
      .join('ca_loans', 'ca_loans.id', 'ca_guarantees.loan_id')
      .where('ca_loans.customer_id', customer.id)
      .select('guarantor_name')
    for (const g of guarantors)
      assert.isTrue(
        graph.nodes.some((n) => n.name === g.guarantor_name),
        `${g.guarantor_name} in the graph`
      )

    const alerts = await bankSystems.warning.alerts(no)
    for (const a of alerts) {
      assert.oneOf(a.kind, [
        'litigation',
        'executed_person',
        'equity_change',
        'asset_change',
        'collateral_value',
      ])
      assert.oneOf(a.level, ['high', 'medium', 'low'])
      assert.match(a.occurredOn, DATE)
    }
    assert.deepEqual(
      await bankSystems.warning.alerts(no),
      alerts,
      'the same customer gets the same facts'
    )

    // A customer in trouble has collection records; their promised amounts are yuan.
    const troubled = await db.from('ca_loans').where('overdue_days', '>', 0).orderBy('id').first()
    const debtor = await db.from('ca_customers').where('id', troubled.customer_id).first()
    const records = await bankSystems.collection.records(debtor.customer_no)
    assert.isAbove(records.length, 0)
    for (const r of records) {
      assert.oneOf(r.method, ['phone', 'visit', 'letter', 'sms', 'lawyer_letter'])
      assert.match(r.date, DATE)
      if (r.promisedAmount !== null) assert.match(r.promisedAmount, YUAN)
    }

    const documents = await bankSystems.imaging.documents(no)
    const loans = await db.from('ca_loans').where('customer_id', customer.id)
    for (const l of loans) assert.isTrue(documents.some((d) => d.docNo === `LN-${l.loan_no}`))
    const file = await fetch(documents[0].url)
    assert.equal(file.status, 200)

    const checks = await bankSystems.postLoan.checks(no)
    assert.isAbove(checks.length, 0)
    for (const c of checks) assert.match(c.checkedOn, DATE)
  })

  test('data platform lists the handovers of a date; portal, approval and gateways answer', async ({
    assert,
  }) => {
    const date = await smallBook()
    const handovers = await bankSystems.dataPlatform.handovers(date)
    const count = await db.from('ca_risk_assets').where('entered_on', date).count('* as n')
    assert.isAbove(
      handovers.length,
      0,
      'the generator hands over qualifying loans on the as-of date'
    )
    assert.lengthOf(handovers, Number(count[0].n))
    for (const h of handovers) {
      assert.oneOf(h.reason, ['classification', 'overdue'])
      assert.equal(h.handedOverOn, date)
    }

    assert.deepEqual(await bankSystems.creditPortal.ping(), { ok: true })
    assert.deepEqual(await bankSystems.approvalFlow.ping(), { ok: true })
    const sms = await bankSystems.messaging.sendSms('13800000000', '您的贷款已逾期，请尽快还款')
    const mail = await bankSystems.messaging.sendMail('a@example.com', '催收通知', '<p>请还款</p>')
    assert.notEqual(sms.messageId, mail.messageId)
    assert.equal(sim.stats().messages.applied, 2)
  })

  test('an unknown customer is a 404 ConnectorError; lists are empty', async ({ assert }) => {
    const error = await bankSystems.customerCenter.profile('NO-SUCH').catch((e) => e)
    assert.instanceOf(error, ConnectorError)
    assert.equal(error.kind, 'http')
    assert.equal(error.httpStatus, 404)
    assert.deepEqual(await bankSystems.warning.alerts('NO-SUCH'), [])
  })

  test('a bank replaces one adapter without touching its callers', async ({ assert }) => {
    const mine: WarningAdapter = {
      dailyAlerts: async () => [],
      async alerts() {
        return [
          {
            kind: 'litigation',
            title: '本行自有预警',
            occurredOn: '2026-01-02',
            source: 'mine',
            level: 'low',
          },
        ]
      },
    }
    const restore = useAdapter('warning', mine)
    try {
      const alerts = await bankSystems.warning.alerts('ANY')
      assert.equal(alerts[0].title, '本行自有预警')
      assert.equal(sim.stats().requests.warning, 0, 'the HTTP adapter was not called')
    } finally {
      restore()
    }
    assert.deepEqual(await bankSystems.warning.alerts('NO-SUCH'), [])
    assert.equal(sim.stats().requests.warning, 1)
  })

  test('fault knobs are set over HTTP and validated', async ({ assert }) => {
    const bad = await fetch(`${sim.url}/__sim/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ system: 'warning', errorRate: 2 }),
    })
    assert.equal(bad.status, 400)
    const set = await fetch(`${sim.url}/__sim/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ system: 'warning', errorRate: 1, latencyMs: 5 }),
    })
    assert.equal(set.status, 200)
    const error = await bankSystems.warning.alerts('X').catch((e) => e)
    assert.instanceOf(error, ConnectorError)
    assert.equal(error.httpStatus, 500)
    const stats = (await (await fetch(`${sim.url}/__sim/stats`)).json()) as any
    assert.equal(stats.injected.errors, 1)
  })
})
