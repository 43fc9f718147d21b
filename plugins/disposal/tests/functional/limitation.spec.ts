import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { businessDate } from '#core/business_day/business_date'
import { tokenFor, userWith } from '#tests/helpers/auth'
import { addGuarantor, bookLoan } from '../../../credit-assets/fixtures/book_fixture.js'
import { readFileSync } from 'node:fs'
import app from '@adonisjs/core/services/app'
import { importHolidayFile } from '#core/holidays/holiday_import'
import { limitationFor } from '../../limitation/limitation_service.js'
import recompute from '../../limitation/daily_recompute.js'

const base = '/api/disposal/limitation'

/** A managed risk asset whose last instalment fell due on `dueDate`. */
async function riskLoan(dueDate: string, orgCode = '110101') {
  return bookLoan({ orgCode, riskAsset: true, overdueDays: 400, maturityDate: dueDate })
}

const guaranty = (loanId: number, name: string) => addGuarantor(loanId, name)

test.group('disposal: 时效管理 API', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a registered 催收 within the period interrupts it; the dates, events and audit follow', async ({
    client,
    assert,
  }) => {
    const loan = await riskLoan('2024-03-15')
    const admin = await tokenFor('admin')
    const before = await client.get(`${base}/loans/${loan.loanId}`).bearerToken(admin)
    before.assertStatus(200)
    const litigation = before.body().periods.find((p: any) => p.key === 'litigation')
    assert.equal(litigation.end, '2027-03-15')
    assert.include(litigation.legalBasis, '第一百八十八条')

    const registered = await client
      .post(`${base}/loans/${loan.loanId}/events`)
      .bearerToken(admin)
      .json({
        eventType: 'collection',
        eventDate: '2026-06-05',
        proofRef: 'CS-2026-001',
        signed: true,
      })
    registered.assertStatus(201)
    assert.equal(registered.body().assessment.effect, 'interrupt')
    const after = registered.body().limitation.periods.find((p: any) => p.key === 'litigation')
    assert.equal(after.base, '2026-06-05')
    assert.equal(after.end, '2029-06-05')
    assert.lengthOf(registered.body().limitation.events, 1)
    assert.equal(registered.body().limitation.events[0].proofRef, 'CS-2026-001')

    const stored = await db
      .from('disposal_limitation_dates')
      .where({ loan_id: loan.loanId, period_key: 'litigation' })
      .first()
    assert.equal(String(stored.end_date).slice(0, 10), '2029-06-05')
    // The core reminder engine now holds the new end date, at the configured offsets.
    const deadline = await db
      .from('deadlines')
      .where({
        source: 'disposal',
        kind: 'disposal:limitation',
        subject_id: `${loan.loanId}:litigation`,
      })
      .whereNull('removed_at')
      .first()
    assert.equal(String(deadline.due_date).slice(0, 10), '2029-06-05')
    assert.deepEqual(JSON.parse(deadline.offsets), [30, 7, 1])
    assert.include(deadline.rule, '诉讼时效')
    const audited = await db
      .from('audit_logs')
      .where({ action: 'disposal.limitation.event', entity_id: String(loan.loanId) })
      .count('* as n')
      .first()
    assert.equal(Number(audited.n), 1)

    const list = await client.get(`${base}/assets`).qs({ perPage: 200 }).bearerToken(admin)
    list.assertStatus(200)
    const row = list.body().data.find((r: any) => r.loanId === loan.loanId)
    assert.equal(row.litigationEnd, '2029-06-05')
    assert.equal(row.litigationStatus, 'running')
  })

  test('after expiry a signed notice is a waiver for legal review and does not revive the period', async ({
    client,
    assert,
  }) => {
    const loan = await riskLoan('2022-03-15')
    const admin = await tokenFor('admin')
    const response = await client
      .post(`${base}/loans/${loan.loanId}/events`)
      .bearerToken(admin)
      .json({ eventType: 'collection', eventDate: '2025-05-06', proofRef: 'CS-9', signed: true })
    response.assertStatus(201)
    assert.equal(response.body().assessment.effect, 'waiver')
    const litigation = response.body().limitation.periods.find((p: any) => p.key === 'litigation')
    assert.equal(litigation.end, '2025-03-17') // 2025-03-15 is a Saturday
    assert.equal(litigation.status, 'expired')
    const event = response.body().limitation.events[0]
    assert.equal(event.legalReview, 'pending')

    const pending = await client
      .get(`${base}/assets`)
      .qs({ reviewPending: true })
      .bearerToken(admin)
    assert.deepEqual(
      pending.body().data.map((r: any) => r.loanId),
      [loan.loanId]
    )
    const reviewed = await client
      .post(`${base}/events/${event.id}/review`)
      .bearerToken(admin)
      .json({ reviewNote: '签收真实有效，时效抗辩已放弃，可起诉' })
    reviewed.assertStatus(200)
    ;(
      await client
        .post(`${base}/events/${event.id}/review`)
        .bearerToken(admin)
        .json({ reviewNote: '再次审核' })
    ).assertStatus(409)
  })

  test('cross-field rules answer 422 in Chinese', async ({ client, assert }) => {
    const loan = await riskLoan('2024-03-15')
    const admin = await tokenFor('admin')
    const post = (body: Record<string, unknown>) =>
      client.post(`${base}/loans/${loan.loanId}/events`).bearerToken(admin).json(body)
    const today = await businessDate.current()
    const future = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`
    const a = await post({ eventType: 'collection', eventDate: future, proofRef: 'X' })
    a.assertStatus(422)
    assert.equal(a.body().errors[0].field, 'eventDate')
    const b = await post({
      eventType: 'judgment',
      eventDate: '2025-01-02',
      proofRef: '(2025)京0105民初1号',
    })
    assert.equal(b.body().errors[0].message, '判决须填写履行期限届满日')
    const c = await post({ eventType: 'guarantor_claim', eventDate: '2025-01-02', proofRef: 'X' })
    assert.equal(c.body().errors[0].field, 'guaranteeId')
    const d = await post({ eventType: 'nonsense', eventDate: '2025-02-30' })
    d.assertStatus(422)
    assert.includeMembers(
      d.body().errors.map((e: any) => e.field),
      ['eventType', 'eventDate', 'proofRef']
    )
    assert.isTrue(d.body().errors.some((e: any) => e.message.includes('凭证编号')))
  })

  test('a branch user sees and touches only their branch’s loans', async ({ client, assert }) => {
    const mine = await riskLoan('2024-03-15', '110101')
    const theirs = await riskLoan('2024-03-15', '310101')
    const { token } = await userWith({
      permissions: ['disposal:limitation:list', 'disposal:limitation:event'],
      dataScope: 'org',
      orgCode: '110101',
    })
    ;(await client.get(`${base}/loans/${mine.loanId}`).bearerToken(token)).assertStatus(200)
    ;(await client.get(`${base}/loans/${theirs.loanId}`).bearerToken(token)).assertStatus(404)
    ;(
      await client
        .post(`${base}/loans/${theirs.loanId}/events`)
        .bearerToken(token)
        .json({ eventType: 'collection', eventDate: '2025-01-02', proofRef: 'X' })
    ).assertStatus(404)
    const rows = (await client.get(`${base}/assets`).qs({ perPage: 200 }).bearerToken(token)).body()
      .data
    const ids = rows.map((r: any) => r.loanId)
    // Not reached by the daily step yet: computed live for the list.
    const row = rows.find((r: any) => r.loanId === mine.loanId)
    assert.equal(row.litigationEnd, '2027-03-15')
    assert.isNull(row.computedOn)
    assert.include(ids, mine.loanId)
    assert.notInclude(ids, theirs.loanId)
    ;(await client.get(`${base}/rules`).bearerToken(token)).assertStatus(403)
  })

  test('rules are records with their legal basis; a change is audited and applies at once', async ({
    client,
    assert,
  }) => {
    const admin = await tokenFor('admin')
    const rules = (await client.get(`${base}/rules`).bearerToken(admin)).body().data
    assert.sameMembers(
      rules.map((r: any) => r.code),
      ['litigation', 'suspension', 'outer_limit', 'waiver', 'guarantee', 'enforcement', 'mortgage']
    )
    const litigation = rules.find((r: any) => r.code === 'litigation')
    assert.include(litigation.legalBasis, '第一百九十五条')
    // Corrected: the guarantee period's last day rolls like every period's (§203).
    const guarantee = rules.find((r: any) => r.code === 'guarantee')
    assert.isTrue(guarantee.rollToWorkingDay)
    assert.include(guarantee.description, '第二百零三条')

    const loan = await riskLoan('2024-03-15')
    const put = (body: Record<string, unknown>) =>
      client
        .put(`${base}/rules/${litigation.id}`)
        .bearerToken(admin)
        .json({
          periodYears: 5,
          periodMonths: 0,
          rollToWorkingDay: true,
          legalBasis: litigation.legalBasis,
          description: litigation.description,
          enabled: true,
          ...body,
        })
    ;(await put({})).assertStatus(200)
    const [after] = await limitationFor({ loanId: loan.loanId })
    assert.equal(after.periods.find((p) => p.key === 'litigation')!.end, '2029-03-15')
    ;(await put({ periodYears: 0, periodMonths: 0 })).assertStatus(422)
    const audited = await db
      .from('audit_logs')
      .where({ action: 'disposal.limitation-rule.update', entity_id: 'litigation' })
      .count('* as n')
      .first()
    assert.equal(Number(audited.n), 1)
  })

  test('limitationFor a customer: every loan, guarantee periods never interrupted', async ({
    assert,
  }) => {
    const loan = await riskLoan('2025-06-30')
    const guaranteeId = await guaranty(loan.loanId, '保证人丙')
    const [found] = await limitationFor({ customerId: loan.customerId })
    assert.equal(found.loanId, loan.loanId)
    const g = found.periods.find((p) => p.key === `guarantee:${guaranteeId}`)!
    assert.equal(g.end, '2025-12-30')
    assert.equal(g.subject, '保证人丙')
    assert.equal(g.ruleCode, 'guarantee')
  })

  test('a written-off loan keeps its limitation periods (账销案存)', async ({ assert }) => {
    const written = await riskLoan('2025-06-30')
    await db.from('ca_risk_assets').where('loan_id', written.loanId).update({ status: 'exited' })
    await db.from('ca_loans').where('id', written.loanId).update({ status: 'written_off' })
    await db.transaction(async (trx) => recompute({ businessDate: '2026-06-01', trx }))
    const rows = await db
      .from('disposal_limitation_dates')
      .where('loan_id', written.loanId)
      .where('period_key', 'litigation')
    assert.lengthOf(rows, 1)
    assert.equal(rows[0].status, 'running')
  })

  test('the daily step recomputes managed risk assets and forgets those that left', async ({
    assert,
  }) => {
    const stays = await riskLoan('2023-06-30')
    const leaves = await riskLoan('2023-06-30')
    await db.transaction(async (trx) => recompute({ businessDate: '2026-06-01', trx }))
    const rows = await db
      .from('disposal_limitation_dates')
      .whereIn('loan_id', [stays.loanId, leaves.loanId])
      .where('period_key', 'litigation')
    assert.lengthOf(rows, 2)
    assert.equal(rows[0].status, 'running')

    await db.from('ca_risk_assets').where('loan_id', leaves.loanId).update({ status: 'exited' })
    await db.transaction(async (trx) => recompute({ businessDate: '2026-07-01', trx }))
    const after = await db
      .from('disposal_limitation_dates')
      .whereIn('loan_id', [stays.loanId, leaves.loanId])
      .where('period_key', 'litigation')
    assert.deepEqual(
      after.map((r) => [r.loan_id, r.status]),
      [[stays.loanId, 'expired']]
    )
    // Expired or gone: no reminder is left open for either loan's 诉讼时效.
    const open = await db
      .from('deadlines')
      .where({ source: 'disposal', kind: 'disposal:limitation' })
      .whereIn('subject_id', [`${stays.loanId}:litigation`, `${leaves.loanId}:litigation`])
      .whereNull('removed_at')
    assert.lengthOf(open, 0)
    const removed = await db
      .from('deadlines')
      .where({ source: 'disposal', kind: 'disposal:limitation' })
      .whereIn('subject_id', [`${stays.loanId}:litigation`, `${leaves.loanId}:litigation`])
      .whereNotNull('removed_at')
    assert.lengthOf(removed, 2)
  })

  test('a period ending in a year without an arrangement warns on 时效管理, expired ones too', async ({
    client,
    assert,
  }) => {
    // The suite seeds no calendar; 2016 is imported here from the shipped history, 2019 is not.
    await importHolidayFile({
      content: readFileSync(app.makePath('database/data/holiday-cn/2016.json'), 'utf8'),
      format: 'json',
      year: 2016,
    })
    const checked = await riskLoan('2013-05-20') // 诉讼时效 ended 2016-05-20
    const unchecked = await riskLoan('2016-07-01') // 诉讼时效 ended 2019-07-01
    const admin = await tokenFor('admin')
    const warningsOf = async (loanId: number) =>
      (await client.get(`${base}/loans/${loanId}`).bearerToken(admin)).body().warnings as string[]
    const old = await warningsOf(checked.loanId)
    assert.isFalse(old.some((w) => w.startsWith('2016 年节假日安排未导入')))
    const missing = (await warningsOf(unchecked.loanId)).find((w) =>
      w.startsWith('2019 年节假日安排未导入')
    )
    assert.exists(missing, 'the expired 诉讼时效 of 2019 is flagged')
    assert.include(missing!, '诉讼时效 2019-07-01')

    const rows = (await client.get(`${base}/assets`).qs({ perPage: 200 }).bearerToken(admin)).body()
      .data
    const row = (id: number) => rows.find((r: any) => r.loanId === id)
    assert.isFalse(row(checked.loanId).calendarMissing)
    assert.isTrue(row(unchecked.loanId).calendarMissing)
  })
})
