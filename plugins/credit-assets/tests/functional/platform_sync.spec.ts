import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { hasRun } from '#core/business_day/daily_step'
import { Money } from '#core/money/money'
import { bookLoan, rowsOf } from '../helpers.js'
import {
  PLATFORM_SYNC_STEP,
  syncFromDataPlatform,
  type PlatformFeedPage,
} from '../../services/platform_sync.js'
import type { PlatformRiskLoan } from '../../services/platform_import.js'

/*
| 风险资产日终同步: the data platform's feed (here a fake page function, the
| real one is bank-systems' adapter) is imported once per business date, every
| change of a risk asset becomes a timeline event with before/after, and a
| failed or malformed feed changes nothing.
*/
const DATE = '2026-06-30'

/** What the platform would say about a loan today, from its row, with `change` applied. */
async function reported(loanId: number, change: Partial<PlatformRiskLoan> = {}) {
  const l = await db
    .from('ca_loans as l')
    .join('orgs as o', 'o.id', 'l.org_id')
    .leftJoin('users as u', 'u.id', 'l.manager_id')
    .where('l.id', loanId)
    .select('l.*', 'o.code as org_code', 'u.username')
    .first()
  return {
    loanNo: l.loan_no,
    reason: 'overdue',
    handedOverOn: DATE,
    fiveClass: l.five_class,
    balance: Money.fromFen(String(l.balance_fen)).toYuan(),
    overdueDays: Number(l.overdue_days),
    orgCode: l.org_code,
    managerNo: l.username ?? null,
    ...change,
  } as PlatformRiskLoan
}

/** A feed served in pages of `size`, counting the calls. */
function feedOf(items: PlatformRiskLoan[], size = 1000) {
  const sorted = [...items].sort((a, b) => a.loanNo.localeCompare(b.loanNo))
  const feed = {
    calls: 0,
    page: (async ({ after, limit }) => {
      feed.calls++
      const rest = sorted.filter((i) => after === null || i.loanNo > after)
      const page = rest.slice(0, Math.min(limit, size))
      return { items: page, next: rest.length > page.length ? page[page.length - 1].loanNo : null }
    }) as PlatformFeedPage,
  }
  return feed
}

const eventsOf = async (loanId: number) =>
  (await rowsOf('ca_risk_events', loanId)).map((e: any) => ({
    type: e.event_type,
    date: String(e.business_date).slice(0, 10),
    before: e.before_json ? JSON.parse(e.before_json) : null,
    after: e.after_json ? JSON.parse(e.after_json) : null,
    operatorId: e.operator_id,
  }))

test.group('credit-assets: daily sync from the data platform', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('hands over new loans and turns every changed fact into a timeline event', async ({
    assert,
  }) => {
    const admin = await db.from('users').where('username', 'admin').first()
    const managed = await bookLoan({
      orgCode: '110101',
      fiveClass: 'substandard',
      overdueDays: 120,
      balanceFen: '100000000',
      riskAsset: true,
    })
    const quiet = await bookLoan({ orgCode: '110101', fiveClass: 'doubtful', riskAsset: true })
    const fresh = await bookLoan({
      orgCode: '310101',
      fiveClass: 'special_mention',
      overdueDays: 95,
    })

    const feed = feedOf(
      [
        await reported(managed.loanId, {
          fiveClass: 'doubtful',
          balance: '987654.32',
          overdueDays: 121,
          orgCode: '110102',
          managerNo: 'admin',
        }),
        await reported(quiet.loanId, { overdueDays: 5 }),
        await reported(fresh.loanId, { reason: 'overdue' }),
        { ...(await reported(fresh.loanId)), loanNo: 'NOT-IN-THE-BOOK' },
      ],
      2
    )
    const report = await syncFromDataPlatform(DATE, feed.page, { pageSize: 2 })

    assert.equal(report.ran, true)
    assert.equal(report.pages, 2)
    assert.equal(report.received, 4)
    assert.equal(report.handedOver, 1)
    assert.equal(report.updated, 2)
    assert.deepEqual(report.unknownLoans, ['NOT-IN-THE-BOOK'])
    assert.isTrue(await hasRun(PLATFORM_SYNC_STEP, DATE))

    // The managed loan: four events, each with before and after, by the system (no operator).
    const events = await eventsOf(managed.loanId)
    const b110101 = await db.from('orgs').where('code', '110101').first()
    const b110102 = await db.from('orgs').where('code', '110102').first()
    assert.deepEqual(events, [
      {
        type: 'classification',
        date: DATE,
        before: { fiveClass: 'substandard' },
        after: { fiveClass: 'doubtful' },
        operatorId: null,
      },
      {
        type: 'balance',
        date: DATE,
        before: { balance: '1000000.00' },
        after: { balance: '987654.32' },
        operatorId: null,
      },
      {
        type: 'org',
        date: DATE,
        before: { orgId: b110101.id, orgName: b110101.name },
        after: { orgId: b110102.id, orgName: b110102.name },
        operatorId: null,
      },
      {
        type: 'manager',
        date: DATE,
        before: { managerId: null, managerName: null },
        after: { managerId: admin.id, managerName: admin.real_name },
        operatorId: null,
      },
    ])
    const loan = await db.from('ca_loans').where('id', managed.loanId).first()
    assert.equal(loan.five_class, 'doubtful')
    assert.equal(String(loan.balance_fen), '98765432')
    assert.equal(loan.overdue_days, 121)
    assert.equal(loan.org_id, b110102.id)
    assert.equal(loan.manager_id, admin.id)
    // The risk asset follows the loan's org and manager (the list scopes on them).
    const risk = await db.from('ca_risk_assets').where('loan_id', managed.loanId).first()
    assert.equal(risk.org_id, b110102.id)
    assert.equal(risk.manager_id, admin.id)
    const history = await rowsOf('ca_classification_history', managed.loanId)
    assert.equal(history.length, 1)
    assert.equal(history[0].from_class, 'substandard')
    assert.equal(history[0].to_class, 'doubtful')

    // Overdue days move daily for every overdue loan: updated, never a timeline event.
    assert.equal((await db.from('ca_loans').where('id', quiet.loanId).first()).overdue_days, 5)
    assert.deepEqual(await eventsOf(quiet.loanId), [])

    // The new loan is handed over on the platform's date, with its facts on the event.
    const handed = await db.from('ca_risk_assets').where('loan_id', fresh.loanId).first()
    assert.equal(String(handed.entered_on).slice(0, 10), DATE)
    const [handover] = await eventsOf(fresh.loanId)
    assert.equal(handover.type, 'handover')
    assert.deepEqual(handover.after, {
      reason: 'overdue',
      fiveClass: 'special_mention',
      overdueDays: 95,
      balance: '1000000.00',
    })
  })

  test('runs once per business date: a rerun fetches nothing and changes nothing', async ({
    assert,
  }) => {
    const managed = await bookLoan({ fiveClass: 'substandard', riskAsset: true })
    const feed = feedOf([await reported(managed.loanId, { fiveClass: 'loss' })])
    assert.isTrue((await syncFromDataPlatform(DATE, feed.page)).ran)
    const calls = feed.calls

    const again = feedOf([await reported(managed.loanId, { fiveClass: 'normal' })])
    const rerun = await syncFromDataPlatform(DATE, again.page)
    assert.isFalse(rerun.ran)
    assert.equal(again.calls, 0)
    assert.equal(calls, 1)
    assert.equal((await db.from('ca_loans').where('id', managed.loanId).first()).five_class, 'loss')
    assert.lengthOf(await eventsOf(managed.loanId), 1)

    // The next date is a new run.
    assert.isTrue((await syncFromDataPlatform('2026-07-01', again.page)).ran)
    assert.equal(
      (await db.from('ca_loans').where('id', managed.loanId).first()).five_class,
      'normal'
    )
  })

  test('a failing or malformed feed changes nothing and the date can run again', async ({
    assert,
  }) => {
    const managed = await bookLoan({ fiveClass: 'substandard', riskAsset: true })
    const good = await reported(managed.loanId, { fiveClass: 'loss' })

    let failing = true
    const flaky: PlatformFeedPage = async () => {
      if (failing) throw new Error('数据中台超时')
      return { items: [good], next: null }
    }
    await assert.rejects(() => syncFromDataPlatform(DATE, flaky), /数据中台超时/)
    assert.isFalse(await hasRun(PLATFORM_SYNC_STEP, DATE))

    const malformed = feedOf([{ ...good, balance: '12.345' }])
    await assert.rejects(() => syncFromDataPlatform(DATE, malformed.page), /balance/)
    const wrongClass = feedOf([{ ...good, fiveClass: 'bad' as any }])
    await assert.rejects(() => syncFromDataPlatform(DATE, wrongClass.page), /fiveClass/)
    const stuck: PlatformFeedPage = async () => ({ items: [good], next: 'A' })
    await assert.rejects(() => syncFromDataPlatform(DATE, stuck), /游标/)
    assert.isFalse(await hasRun(PLATFORM_SYNC_STEP, DATE))
    assert.equal(
      (await db.from('ca_loans').where('id', managed.loanId).first()).five_class,
      'substandard'
    )

    failing = false
    assert.isTrue((await syncFromDataPlatform(DATE, flaky)).ran)
    assert.equal((await db.from('ca_loans').where('id', managed.loanId).first()).five_class, 'loss')
  })
})
