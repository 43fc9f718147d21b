import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { dailySteps } from '#core/business_day/end_of_day'
import { runDailyStep } from '#core/business_day/daily_step'
import { tokenFor, userWith } from '#tests/helpers/auth'
import { generateDemoBank } from '../../demo/generate.js'
import { isBelowFloor } from '../../rules/classification_floor.js'
import { bookLoan } from '../helpers.js'

const STEP = 'credit-assets:classification-floor'
const DATE = '2030-01-10'

/** Runs the step exactly as end of day does: the handler the manifest registered, through runDailyStep. */
async function runFloorStep(date: string) {
  const step = dailySteps.all().find((s) => s.name === STEP)
  if (!step) throw new Error(`${STEP} is not registered`)
  const handler = (await step.handler()).default
  return runDailyStep(STEP, date, (trx) => handler({ businessDate: date, trx }))
}

test.group('credit-assets: classification-floor daily step', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('flags exactly the loans below their floor, once per business date', async ({ assert }) => {
    await generateDemoBank(db.connection(), { customers: 60, loans: 800, seed: 7, asOf: DATE })
    const loans = await db.from('ca_loans').select('id', 'five_class', 'overdue_days', 'status')
    const expected = loans
      .filter((l) => l.status === 'active' && isBelowFloor(l.five_class, Number(l.overdue_days), 7))
      .map((l) => l.id)
      .sort((a, b) => a - b)
    assert.isAbove(expected.length, 0, 'the generated book has below-floor loans')

    assert.isTrue(await runFloorStep(DATE))
    const flagged = async () =>
      (await db.from('ca_floor_flags').where('business_date', DATE).orderBy('loan_id')).map(
        (f) => f.loan_id
      )
    assert.deepEqual(await flagged(), expected)

    // Same date again: a no-op, even after the book changed.
    await db.from('ca_loans').where('id', expected[0]).update({ five_class: 'loss' })
    assert.isFalse(await runFloorStep(DATE))
    assert.deepEqual(await flagged(), expected)

    // The next date sees the change.
    assert.isTrue(await runFloorStep('2030-01-11'))
    const next = await db
      .from('ca_floor_flags')
      .where('business_date', '2030-01-11')
      .select('loan_id')
    assert.notInclude(
      next.map((f) => f.loan_id),
      expected[0]
    )
    assert.lengthOf(next, expected.length - 1)
  })

  test('the flag records current and floor class; the alert list is data-scoped', async ({
    client,
    assert,
  }) => {
    const beijing = await bookLoan({ orgCode: '110101', fiveClass: 'normal', overdueDays: 8 })
    const shanghai = await bookLoan({
      orgCode: '310101',
      fiveClass: 'special_mention',
      overdueDays: 361,
    })
    const fine = await bookLoan({ orgCode: '110101', fiveClass: 'substandard', overdueDays: 91 })
    await runFloorStep(DATE)
    const flag = await db.from('ca_floor_flags').where('loan_id', shanghai.loanId).first()
    assert.equal(flag.current_class, 'special_mention')
    assert.equal(flag.floor_class, 'loss')
    assert.equal(flag.overdue_days, 361)
    assert.isNull(await db.from('ca_floor_flags').where('loan_id', fine.loanId).first())

    const viewer = await userWith({
      permissions: ['credit-assets:floor-alert:list'],
      dataScope: 'org_and_below',
      orgCode: '110000',
    })
    const list = await client.get('/api/credit-assets/floor-alerts').bearerToken(viewer.token)
    list.assertStatus(200)
    assert.equal(list.body().meta.businessDate, DATE)
    assert.deepEqual(
      list.body().data.map((r: any) => [r.loanId, r.fiveClass, r.floorClass]),
      [[beijing.loanId, 'normal', 'special_mention']]
    )

    const admin = await tokenFor('admin')
    const all = await client
      .get('/api/credit-assets/floor-alerts')
      .bearerToken(admin)
      .qs({ fiveClass: 'special_mention' })
    assert.deepEqual(
      all.body().data.map((r: any) => r.loanId),
      [shanghai.loanId]
    )
  })

  test('the risk-asset list filters on the latest floor flags', async ({ client, assert }) => {
    const below = await bookLoan({
      fiveClass: 'special_mention',
      overdueDays: 200,
      riskAsset: true,
    })
    const ok = await bookLoan({ fiveClass: 'doubtful', overdueDays: 300, riskAsset: true })
    await runFloorStep(DATE)
    const admin = await tokenFor('admin')
    const ids = async (floorFlag: string) =>
      (
        await client
          .get('/api/credit-assets/risk-assets')
          .bearerToken(admin)
          .qs({ floorFlag, perPage: 200 })
      )
        .body()
        .data.map((r: any) => r.loanId)
    assert.include(await ids('below'), below.loanId)
    assert.notInclude(await ids('below'), ok.loanId)
    assert.include(await ids('ok'), ok.loanId)
  })
})
