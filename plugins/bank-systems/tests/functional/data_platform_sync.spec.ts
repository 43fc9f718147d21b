import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { jobRegistry } from '#core/queue/job_registry'
import { ConnectorError } from '#core/connectors/connector_error'
import { hasRun } from '#core/business_day/daily_step'
import { PLATFORM_SYNC_STEP } from '../../../credit-assets/services/platform_sync.js'
import { bankSystems } from '../../adapters/index.js'
import type { Simulator } from '../../simulator/server.js'
import { pointSystemsAt, resetBreakers, smallBook, startTestSimulator } from '../helpers.js'

/*
| 风险资产日终同步 end to end: the job pages through 数据中台's risk-loan feed
| over real HTTP (the simulator serving the demo book), and credit-assets
| imports it once per business date. The simulator's overrides play the
| warehouse reporting today's changes.
*/
const YUAN = /^\d+\.\d{2}$/

async function runSync(payload: Record<string, unknown>) {
  const handler = await jobRegistry.handler('bank-systems:data-platform-sync')
  return (await handler({ jobId: 't', payload, progress: async () => {} })) as any
}

async function allPages(date: string, limit: number) {
  const items = []
  let after: string | null = null
  let pages = 0
  do {
    const page = await bankSystems.dataPlatform.riskLoans(date, { after, limit })
    items.push(...page.items)
    after = page.next
    pages++
  } while (after !== null)
  return { items, pages }
}

test.group('bank-systems: daily sync from the data platform', (group) => {
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

  test('the feed pages through every managed risk asset by loan number, in yuan', async ({
    assert,
  }) => {
    const date = await smallBook()
    const { items, pages } = await allPages(date, 7)
    const managed = await db
      .from('ca_risk_assets as r')
      .join('ca_loans as l', 'l.id', 'r.loan_id')
      .orderBy('l.loan_no')
      .select('l.loan_no')
    assert.isAbove(managed.length, 7, 'the small book has more than a page of risk assets')
    assert.deepEqual(
      items.map((i) => i.loanNo),
      managed.map((m) => m.loan_no),
      'every risk asset once, in loan-number order'
    )
    assert.equal(pages, Math.floor(managed.length / 7) + 1)
    for (const item of items) {
      assert.match(item.balance, YUAN)
      assert.oneOf(item.fiveClass, ['normal', 'special_mention', 'substandard', 'doubtful', 'loss'])
      assert.equal(item.handedOverOn, date)
      assert.isString(item.orgCode)
    }
  })

  test('the job imports the day once: handover, changes as timeline events, no second fetch', async ({
    assert,
  }) => {
    const date = await smallBook()
    const admin = await db.from('users').where('username', 'admin').first()
    const target = await db
      .from('ca_risk_assets as r')
      .join('ca_loans as l', 'l.id', 'r.loan_id')
      .join('orgs as o', 'o.id', 'l.org_id')
      .whereNot('l.five_class', 'loss')
      .orderBy('l.id')
      .select('l.*', 'o.code as org_code')
      .first()
    const otherOrg = await db
      .from('orgs')
      .whereIn('code', ['110101', '110102'])
      .whereNot('id', target.org_id)
      .first()
    const healthy = await db
      .from('ca_loans as l')
      .whereNotExists((q) => q.from('ca_risk_assets as r').whereRaw('r.loan_id = l.id'))
      .where('l.status', 'active')
      .where('l.five_class', 'normal')
      .where('l.overdue_days', 0)
      .orderBy('l.id')
      .first()
    sim.overridePlatformLoan(target.loan_no, {
      fiveClass: 'loss',
      balanceFen: '12345',
      orgCode: otherOrg.code,
      managerNo: 'admin',
    })
    sim.overridePlatformLoan(healthy.loan_no, { fiveClass: 'doubtful' })

    const report = await runSync({ businessDate: date, pageSize: 7 })
    assert.isTrue(report.ran)
    assert.equal(report.handedOver, 1)
    assert.equal(report.unknownLoanCount, 0)
    assert.deepEqual(report.unmapped, [])
    // The risk-loan pages, then the credit-card pages of the same feed.
    assert.equal(sim.stats().requests['data-platform'], report.pages + report.cards.pages)
    assert.isTrue(await hasRun(PLATFORM_SYNC_STEP, date))

    const events = await db
      .from('ca_risk_events')
      .where('loan_id', target.id)
      .where('business_date', date)
      .whereNot('event_type', 'handover')
      .orderBy('id')
    assert.deepEqual(
      events.map((e) => e.event_type),
      ['classification', 'balance', 'org', 'manager']
    )
    assert.deepEqual(JSON.parse(events[0].after_json), { fiveClass: 'loss' })
    assert.deepEqual(JSON.parse(events[1].after_json), { balance: '123.45' })
    assert.equal(JSON.parse(events[2].after_json).orgId, otherOrg.id)
    assert.equal(JSON.parse(events[3].after_json).managerName, admin.real_name)
    const loan = await db.from('ca_loans').where('id', target.id).first()
    assert.equal(loan.five_class, 'loss')
    assert.equal(String(loan.balance_fen), '12345')

    const handed = await db.from('ca_risk_assets').where('loan_id', healthy.id).first()
    assert.exists(handed, 'the platform handed the downgraded loan over')
    assert.equal((await db.from('ca_loans').where('id', healthy.id).first()).five_class, 'doubtful')

    // Same date again: nothing fetched, nothing written.
    const requests = sim.stats().requests['data-platform']
    const eventCount = await db.from('ca_risk_events').count('* as n').first()
    const again = await runSync({ businessDate: date })
    assert.isFalse(again.ran)
    assert.equal(sim.stats().requests['data-platform'], requests)
    assert.deepEqual(await db.from('ca_risk_events').count('* as n').first(), eventCount)
  })

  test('a data platform that is down fails the run cleanly; the date runs later', async ({
    assert,
  }) => {
    const date = await smallBook()
    sim.setFaults({ system: 'data-platform', errorRate: 1 })
    const error = await runSync({ businessDate: date }).catch((e) => e)
    assert.instanceOf(error, ConnectorError)
    assert.isFalse(await hasRun(PLATFORM_SYNC_STEP, date))

    sim.setFaults({ system: 'data-platform', errorRate: 0 })
    resetBreakers()
    const report = await runSync({ businessDate: date })
    assert.isTrue(report.ran)
    assert.equal(report.handedOver, 0, 'the book had already handed these over')
  })

  test('credit cards: the feed opens new accounts, updates figures, keeps a written-off status', async ({
    assert,
  }) => {
    const date = await smallBook()
    const cards = await db
      .from('ca_card_accounts as a')
      .join('ca_customers as c', 'c.id', 'a.customer_id')
      .orderBy('a.account_no')
      .select('a.id', 'a.account_no', 'c.customer_no')
      .limit(2)
    assert.lengthOf(cards, 2, 'the generated book has credit cards')
    const [changed, writtenOff] = cards
    await db.from('ca_card_accounts').where('id', writtenOff.id).update({ status: 'written_off' })
    sim.overridePlatformCard(changed.account_no, {
      principalFen: '1234567',
      interestFen: '89012',
      feeFen: '3456',
      overdueDays: 200,
      fiveClass: 'loss',
    })
    sim.overridePlatformCard('ZZNEW0001', {
      cardNoMasked: '6225********9999',
      customerNo: changed.customer_no,
      product: 'gold',
      creditLimitFen: '5000000',
      principalFen: '4000000',
      interestFen: '120000',
      feeFen: '5000',
      overdueDays: 95,
      fiveClass: 'substandard',
      openedOn: '2024-03-01',
      orgCode: '110101',
      managerNo: null,
      status: 'active',
    })
    const page = await bankSystems.dataPlatform.cardAccounts(date, { after: null, limit: 5000 })
    assert.isTrue(page.items.every((i) => YUAN.test(i.principal) && YUAN.test(i.fee)))

    const report = await runSync({ businessDate: date, pageSize: 50 })
    assert.equal(report.cards.ran, true)
    assert.equal(report.cards.opened, 1)
    assert.isAtLeast(report.cards.updated, 1)
    const after = await db.from('ca_card_accounts').where('id', changed.id).first()
    assert.deepInclude(
      {
        principal: String(after.principal_fen),
        interest: String(after.interest_fen),
        fee: String(after.fee_fen),
        days: Number(after.overdue_days),
      },
      { principal: '1234567', interest: '89012', fee: '3456', days: 200 }
    )
    const fresh = await db.from('ca_card_accounts').where('account_no', 'ZZNEW0001').first()
    assert.equal(String(fresh.principal_fen), '4000000')
    assert.equal(fresh.status, 'active')
    assert.equal(
      (await db.from('ca_card_accounts').where('id', writtenOff.id).first()).status,
      'written_off'
    )
    // Once per business date.
    const again = await runSync({ businessDate: date })
    assert.equal(again.cards.ran, false)
  })
})
