import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { businessDate } from '#core/business_day/business_date'
import { changeSettingValue } from '#core/settings/update_setting'
import { tokenFor, userWith } from '#tests/helpers/auth'
import { bookLoan } from '../../../credit-assets/fixtures/book_fixture.js'
import { assetClaims } from '../../../credit-assets/services/asset_claims.js'

/*
| 重组方案 approved through the workflow: the observation period starts (参数
| restructuring.observationMonths), the loan's timeline gets the restructured
| event, the core deadline reminds before the end; closing before the end is a
| 409; a failed check ends the plan as 重组失败. Scope and 422s.
*/
const API = '/api/restructuring'
const CODES = [
  'restructuring:plan:list',
  'restructuring:plan:create',
  'restructuring:plan:track',
  'restructuring:ledger:list',
  'credit-assets:loan:list',
  'credit-assets:risk-asset-ledger:list',
  'customer-view:customer:list',
]
const applicant = () =>
  userWith({ permissions: CODES, dataScope: 'org_and_below', orgCode: '110101' })
const loan = () =>
  bookLoan({
    orgCode: '110101',
    fiveClass: 'substandard',
    overdueDays: 100,
    riskAsset: true,
    balanceFen: '50000000',
  })

async function approve(client: any, planId: number) {
  const instance = await db
    .from('wf_instances')
    .where('type_code', 'restructuring:plan')
    .where('business_id', String(planId))
    .firstOrFail()
  for (const user of ['bj_asset', 'hq_risk']) {
    const current = await db.from('wf_instances').where('id', instance.id).first()
    if (current.status !== 'pending') break
    const res = await client
      .post(`/api/workflow/instances/${instance.id}/approve`)
      .bearerToken(await tokenFor(user))
      .json({ comment: '同意' })
    if (res.status() !== 200) throw new Error(`approve as ${user} ${res.status()}: ${res.text()}`)
  }
}

async function approvedPlan(client: any, token: string, loanId: number, effectiveOn: string) {
  const created = await client
    .post(`${API}/plans`)
    .bearerToken(token)
    .json({
      loanIds: [loanId],
      method: 'extension',
      effectiveOn,
      newMaturityDate: '2029-12-31',
      newRate: '0.0435',
      terms: '展期三年，按季付息',
      reasons: '借款人经营周转困难但仍有还款意愿和能力，展期缓解现金流压力。',
    })
  if (created.status() !== 201) throw new Error(`create ${created.status()}: ${created.text()}`)
  const id = created.body().id as number
  ;(await client.post(`${API}/plans/${id}/submit`).bearerToken(token)).assertStatus(200)
  await approve(client, id)
  return id
}

test.group('restructuring: plan, approval, observation period', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('approved → 观察期 six months, timeline event, deadline; close refused before the end', async ({
    client,
    assert,
  }) => {
    const me = await applicant()
    const l = await loan()
    const today = await businessDate.current()
    const id = await approvedPlan(client, me.token, l.loanId, today)
    const detail = await client.get(`${API}/plans/${id}`).bearerToken(me.token)
    detail.assertStatus(200)
    assert.equal(detail.body().status, 'observing')
    assert.equal(detail.body().observationMonths, 6)
    const end = DateTime.fromISO(today).plus({ months: 6 }).toISODate()
    assert.equal(detail.body().observationEnd, end)
    assert.equal(detail.body().newRate, '0.043500')

    const event = await db
      .from('ca_risk_events')
      .where('loan_id', l.loanId)
      .where('event_type', 'restructuring.plan')
      .first()
    assert.exists(event)
    const deadline = await db
      .from('deadlines')
      .where('source', 'restructuring')
      .where('subject_id', String(id))
      .first()
    assert.exists(deadline)
    // Reminders 20, 5 and 0 working days before the end, to the plan's managers.
    assert.equal(
      String(
        deadline.due_date instanceof Date
          ? DateTime.fromJSDate(deadline.due_date).toISODate()
          : deadline.due_date
      ).slice(0, 10),
      end
    )

    // The book: new maturity and rate, the restructured flag, a 'terms' event (credit-assets' bookWriter).
    const book = await client.get(`/api/credit-assets/loans/${l.loanId}`).bearerToken(me.token)
    book.assertStatus(200)
    assert.containsSubset(book.body(), {
      maturityDate: '2029-12-31',
      rate: '0.043500',
      restructuredOn: today,
    })
    const terms = await db
      .from('ca_risk_events')
      .where('loan_id', l.loanId)
      .where('event_type', 'terms')
      .firstOrFail()
    assert.equal(JSON.parse(terms.after_json).maturityDate, '2029-12-31')
    assert.isTrue(JSON.parse(terms.after_json).restructured)

    // The disposal outcome of the restructuring (no balance reduced by an extension).
    const outcome = await db
      .from('disposal_outcomes')
      .where('source_plugin', 'restructuring')
      .where('source_ref', `plan:${id}`)
      .firstOrFail()
    assert.equal(outcome.method, 'restructuring')
    assert.equal(String(outcome.balance_reduced_fen), '0')

    // 客户视图 shows the flag on the loan; 风险资产台账 its 重组日期.
    const portrait = await client
      .get(`/api/customer-view/customers/${l.customerId}`)
      .bearerToken(me.token)
    portrait.assertStatus(200)
    const row = portrait.body().loans.find((x: any) => x.id === l.loanId)
    assert.equal(row.restructuredOn, today)
    const risk = await client
      .get('/api/ledgers/risk-assets/rows')
      .bearerToken(me.token)
      .qs({ keyword: l.loanNo })
    risk.assertStatus(200)
    assert.equal(risk.body().data.find((x: any) => x.loanNo === l.loanNo)?.restructuredOn, today)

    const ledger = await client
      .get('/api/ledgers/restructuring-plans/rows')
      .bearerToken(me.token)
      .qs({ keyword: detail.body().planNo })
    ledger.assertStatus(200)
    assert.equal(ledger.body().meta.total, 1)
    assert.containsSubset(ledger.body().data[0], {
      approvedOn: today,
      balance: '500000.00',
      observationEnd: end,
    })

    const early = await client
      .post(`${API}/plans/${id}/close`)
      .bearerToken(me.token)
      .json({ remark: '期满' })
    early.assertStatus(409)
    assert.include(early.body().message, end!)
    // Through the observation period the plan holds its loan across plugins (asset claims).
    assert.equal((await assetClaims.holders([l.loanId])).get(l.loanId)?.holder, 'restructuring')

    ;(
      await client
        .post(`${API}/plans/${id}/checks`)
        .bearerToken(me.token)
        .json({ checkedOn: today, performing: true, overdueDays: 0, remark: '按期付息' })
    ).assertStatus(200)
    await businessDate.set(end!)
    const closed = await client
      .post(`${API}/plans/${id}/close`)
      .bearerToken(await tokenFor(me.user.username))
      .json({ remark: '观察期内履约正常，可申请上调分类' })
    closed.assertStatus(200)
    assert.equal(closed.body().status, 'completed')
    assert.equal((await assetClaims.holders([l.loanId])).size, 0)
  })

  test('a failed check ends the plan as 重组失败 and frees the loan', async ({
    client,
    assert,
  }) => {
    const me = await applicant()
    const l = await loan()
    const today = await businessDate.current()
    const id = await approvedPlan(client, me.token, l.loanId, today)
    const failed = await client
      .post(`${API}/plans/${id}/checks`)
      .bearerToken(me.token)
      .json({ checkedOn: today, performing: false, overdueDays: 35, remark: '本期利息逾期未付' })
    failed.assertStatus(200)
    assert.equal(failed.body().status, 'defaulted')
    assert.lengthOf(failed.body().checks, 1)
    assert.equal((await assetClaims.holders([l.loanId])).size, 0)
  })

  test('422: terms that do not fit the method, malformed input; 404 out of scope', async ({
    client,
    assert,
  }) => {
    const me = await applicant()
    const l = await loan()
    const noDate = await client
      .post(`${API}/plans`)
      .bearerToken(me.token)
      .json({
        loanIds: [l.loanId],
        method: 'extension',
        effectiveOn: '2026-12-01',
        terms: '',
        reasons: '展期',
      })
    noDate.assertStatus(422)
    assert.include(noDate.body().message, '展期后到期日')
    const bad = await client
      .post(`${API}/plans`)
      .bearerToken(me.token)
      .json({
        loanIds: [l.loanId],
        method: 'forgive',
        effectiveOn: '2026-02-30',
        newRate: '4.35',
        terms: '',
        reasons: 'x',
        extra: true,
      })
    bad.assertStatus(422)
    const id = await approvedPlan(client, me.token, l.loanId, await businessDate.current())
    const other = await userWith({
      permissions: CODES,
      dataScope: 'org_and_below',
      orgCode: '310000',
    })
    const list = await client.get(`${API}/plans`).bearerToken(other.token)
    assert.isFalse(list.body().data.some((p: any) => p.id === id))
    ;(await client.get(`${API}/plans/${id}`).bearerToken(other.token)).assertStatus(404)
    ;(await client.post(`${API}/plans/${id}/submit`).bearerToken(other.token)).assertStatus(404)
    ;(
      await client
        .post(`${API}/plans/${id}/checks`)
        .bearerToken(other.token)
        .json({ checkedOn: '2026-12-01', performing: true, overdueDays: 0, remark: 'x' })
    ).assertStatus(404)
    ;(
      await client.post(`${API}/plans/${id}/close`).bearerToken(other.token).json({ remark: 'x' })
    ).assertStatus(404)
  })

  test('观察期 from 参数 restructuring.observationMonths; 债转股 records the equity as the outcome', async ({
    client,
    assert,
  }) => {
    assert.equal(
      (await changeSettingValue('restructuring.observationMonths', '3', null)).status,
      'ok'
    )
    const me = await applicant()
    const l = await loan()
    const today = await businessDate.current()
    const created = await client
      .post(`${API}/plans`)
      .bearerToken(me.token)
      .json({
        loanIds: [l.loanId],
        method: 'debt_equity',
        effectiveOn: today,
        equityAmount: '200000.00',
        terms: '20 万元债权转为借款人股权',
        reasons: '借款人引入战略投资者，以股权清偿部分债务。',
      })
    created.assertStatus(201)
    const id = created.body().id as number
    ;(await client.post(`${API}/plans/${id}/submit`).bearerToken(me.token)).assertStatus(200)
    await approve(client, id)
    const detail = await client.get(`${API}/plans/${id}`).bearerToken(me.token)
    assert.equal(detail.body().observationMonths, 3)
    assert.equal(
      detail.body().observationEnd,
      DateTime.fromISO(today).plus({ months: 3 }).toISODate()
    )
    const outcome = await db
      .from('disposal_outcomes')
      .where('source_plugin', 'restructuring')
      .where('source_ref', `plan:${id}`)
      .firstOrFail()
    assert.equal(String(outcome.non_cash_recovered_fen), '20000000')
    assert.equal(String(outcome.balance_reduced_fen), '20000000')
    const book = await client.get(`/api/credit-assets/loans/${l.loanId}`).bearerToken(me.token)
    assert.equal(book.body().restructuredOn, today)
  })
})
