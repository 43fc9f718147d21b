import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { outbox } from '#core/connectors/outbox'
import { businessDate } from '#core/business_day/business_date'
import type { Simulator } from '../../../bank-systems/simulator/harness.js'
import {
  pointSystemsAt,
  resetBreakers,
  startTestSimulator,
} from '../../../bank-systems/simulator/harness.js'
import { bookApi } from '../../../credit-assets/services/book_api.js'
import { addRepayment } from '../../../credit-assets/fixtures/book_fixture.js'
import {
  API,
  applicant,
  replier,
  approveAll,
  assertPdf,
  fileEvidence,
  lossLoan,
} from '../helpers.js'

/*
| 核销 end to end against the bank-systems simulator: 合规审查 lists what is
| missing until the evidence is on the 影像平台; the plan goes through the core
| workflow; the 批复 (numbered) posts principal, on- and off-balance interest
| through the outbox to core banking, once each; the loan is 已核销 with its
| timeline event; the 通知单 prints; a later recovery shows in 核销资产台账.
*/
const FAST = { backoffMs: 0, maxBackoffMs: 0, timeoutMs: 2000, retries: 0, concurrency: 5 }

test.group('write-off: review → plan → approval → 批复 → postings → ledger', (group) => {
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

  test('the whole flow, to the fen, posted exactly once', async ({ client, assert }) => {
    const me = await applicant()
    const loan = await lossLoan()
    const subject = { kind: 'loan' as const, id: loan.loanId }

    // 合规审查: the rule's documents are missing, each named.
    const review = await client
      .post(`${API}/reviews`)
      .bearerToken(me.token)
      .json({ items: [{ ...subject, ruleCode: 'litigation_ended' }] })
    review.assertStatus(201)
    const finding = review.body().items[0].finding
    assert.isFalse(finding.satisfied)
    assert.sameMembers(
      finding.missing.map((d: any) => d.code),
      ['judgment', 'enforcement_termination', 'recovery_record']
    )
    const early = await client
      .post(`${API}/reviews/${review.body().id}/opinion`)
      .bearerToken(me.token)
      .json({ conclusion: 'pass', opinion: '符合' })
    early.assertStatus(422)

    // Evidence through the 影像平台 connector; the re-check passes; the opinion and its PDF.
    await fileEvidence(client, me.token, subject, 'litigation_ended')
    const imaging = await client.get(`${API}/subjects/imaging`).qs(subject).bearerToken(me.token)
    imaging.assertStatus(200)
    assert.isAtLeast(
      imaging.body().data.filter((d: any) => d.kind.startsWith('write-off:')).length,
      3
    )
    const rechecked = await client
      .post(`${API}/reviews/${review.body().id}/recheck`)
      .bearerToken(me.token)
    rechecked.assertStatus(200)
    assert.isTrue(rechecked.body().items[0].satisfied)
    const opinion = await client
      .post(`${API}/reviews/${review.body().id}/opinion`)
      .bearerToken(me.token)
      .json({ conclusion: 'pass', opinion: '经审查，该笔贷款经诉讼终结本次执行，符合核销条件。' })
    opinion.assertStatus(200)
    assertPdf(
      await client.get(`${API}/reviews/${review.body().id}/pdf`).bearerToken(me.token),
      assert
    )

    // 核销方案申报 (single): draft, 核销报告, submit.
    const created = await client
      .post(`${API}/plans`)
      .bearerToken(me.token)
      .json({
        kind: 'single',
        title: '某公司贷款核销',
        reasons: '借款人经诉讼终结本次执行，无财产可供执行。',
        reviewId: review.body().id,
        items: [{ ...subject, ruleCode: 'litigation_ended' }],
      })
    created.assertStatus(201)
    const plan = created.body()
    assert.equal(plan.total, '303000.00')
    assert.deepInclude(plan.items[0], {
      principal: '300000.00',
      onBalanceInterest: '1500.00',
      offBalanceInterest: '1500.00',
    })
    assertPdf(await client.get(`${API}/plans/${plan.id}/report`).bearerToken(me.token), assert)
    const submitted = await client.post(`${API}/plans/${plan.id}/submit`).bearerToken(me.token)
    submitted.assertStatus(200)
    assert.equal(submitted.body().status, 'pending')
    assert.isFalse(submitted.body().committeeRequired)

    // The same loan in another plan is refused while this one holds it.
    const again = await client
      .post(`${API}/plans`)
      .bearerToken(me.token)
      .json({
        kind: 'batch',
        title: '重复',
        reasons: '重复申报',
        items: [{ ...subject, ruleCode: 'litigation_ended' }],
      })
    again.assertStatus(409)
    assert.include(again.body().message, loan.loanNo)

    // Approval (below the head-office tier: the branch decides), then 批复 before it: 409.
    const instance = await approveAll(client, 'write-off:plan', plan.id)
    assert.equal(instance.status, 'approved')
    const approved = await client.get(`${API}/plans/${plan.id}`).bearerToken(me.token)
    assert.equal(approved.body().status, 'approved')

    const own = await client
      .post(`${API}/plans/${plan.id}/reply`)
      .bearerToken(me.token)
      .json({ repliedOn: '2026-12-07', replyText: '自己批复' })
    own.assertStatus(422)
    assert.include(own.body().message, '申报人')
    const replied = await client
      .post(`${API}/plans/${plan.id}/reply`)
      .bearerToken((await replier()).token)
      .json({ repliedOn: '2026-12-07', replyText: '同意核销，继续追索。' })
    replied.assertStatus(200)
    assert.match(replied.body().replyNo, /^HXPF2026-\d{4}$/)
    assert.equal(replied.body().postings, 3)
    const twice = await client
      .post(`${API}/plans/${plan.id}/reply`)
      .bearerToken((await replier()).token)
      .json({ repliedOn: '2026-12-07', replyText: '再批' })
    twice.assertStatus(409)

    // 已核销 in the book, with its timeline event; a new plan for it is a 409.
    const inBook = await bookApi.loans.byId(loan.loanId)
    assert.equal(inBook!.status, 'written_off')
    const event = await db
      .from('ca_risk_events')
      .where('loan_id', loan.loanId)
      .where('event_type', 'status')
      .orderBy('id', 'desc')
      .first()
    assert.include(event.after_json, replied.body().replyNo)
    const afterWriteOff = await client
      .post(`${API}/plans`)
      .bearerToken(me.token)
      .json({
        kind: 'single',
        title: '再核销',
        reasons: '再核销',
        items: [{ ...subject, ruleCode: 'litigation_ended' }],
      })
    afterWriteOff.assertStatus(409)
    assert.include(afterWriteOff.body().message, '已核销')

    // 账务处理: three postings, delivered, applied once each at core banking.
    await outbox.deliverDue(FAST)
    const postings = await client.get(`${API}/plans/${plan.id}/postings`).bearerToken(me.token)
    postings.assertStatus(200)
    assert.deepEqual(postings.body().summary, { total: 3, sent: 3, pending: 0, dead: 0 })
    assert.sameDeepMembers(
      postings.body().data.map((p: any) => [p.kind, p.amount]),
      [
        ['principal', '300000.00'],
        ['on_balance_interest', '1500.00'],
        ['off_balance_interest', '1500.00'],
      ]
    )
    const applied = sim.stats().postings.appliedPerKey
    for (const p of postings.body().data) assert.equal(applied[p.idempotencyKey], 1)
    assertPdf(await client.get(`${API}/plans/${plan.id}/notice`).bearerToken(me.token), assert)
    assertPdf(await client.get(`${API}/plans/${plan.id}/reply-pdf`).bearerToken(me.token), assert)

    // 核销后收回: a repayment after the write-off shows in 核销资产台账 (and as of that date).
    await addRepayment(loan.loanId, {
      paidOn: '2026-12-20',
      principalFen: '500000',
      interestFen: '1234',
      createdAt: '2026-12-20 10:00:00',
    })
    const ledger = await client
      .get('/api/ledgers/write-off-assets/rows')
      .bearerToken(me.token)
      .qs({ keyword: loan.loanNo })
    ledger.assertStatus(200)
    assert.equal(ledger.body().meta.total, 1)
    assert.containsSubset(ledger.body().data[0], {
      subjectNo: loan.loanNo,
      writtenOffOn: '2026-12-07',
      principal: '300000.00',
      recovered: '5012.34',
      lastRecoveredOn: '2026-12-20',
      noRecourse: '否',
    })
    const before = await client
      .get('/api/ledgers/write-off-assets/rows')
      .bearerToken(me.token)
      .qs({ keyword: loan.loanNo, asOf: '2026-12-10' })
    before.assertStatus(200)
    assert.equal(before.body().data[0].recovered, '0.00')

    // 核销进度 (home page): this year's write-offs in scope, and what came back after them.
    const widget = await client
      .get('/api/dashboard/widgets/write-off:progress/data')
      .bearerToken(me.token)
    widget.assertStatus(200)
    const thisYear = (await businessDate.current()).startsWith('2026')
    assert.containsSubset(widget.body(), {
      writtenOff: thisYear ? '303000.00' : '0.00',
      recovered: thisYear ? '5012.34' : '0.00',
      byKind: { loan: { count: thisYear ? 1 : 0 } },
    })
  })

  test('missing evidence blocks submission naming the rule (422)', async ({ client, assert }) => {
    const me = await applicant()
    const loan = await lossLoan()
    const subject = { kind: 'loan' as const, id: loan.loanId }
    await fileEvidence(client, me.token, subject, 'bankruptcy', ['liquidation_report'])
    const created = await client
      .post(`${API}/plans`)
      .bearerToken(me.token)
      .json({
        kind: 'single',
        title: '破产核销',
        reasons: '借款人破产',
        items: [{ ...subject, ruleCode: 'bankruptcy' }],
      })
    created.assertStatus(201)
    const submit = await client
      .post(`${API}/plans/${created.body().id}/submit`)
      .bearerToken(me.token)
    submit.assertStatus(422)
    assert.include(submit.body().message, '借款人依法宣告破产、关闭、解散或撤销')
    assert.include(submit.body().message, '清算报告或财产分配方案')
    assert.equal(
      (await db.from('write_off_plans').where('id', created.body().id).first()).status,
      'draft'
    )
  })

  test('bad input is 422 with field messages: floats, unknown fields, impossible dates', async ({
    client,
    assert,
  }) => {
    const me = await applicant()
    const loan = await lossLoan()
    const bad = await client
      .post(`${API}/plans`)
      .bearerToken(me.token)
      .header('accept-language', 'zh-CN')
      .json({
        kind: 'single',
        title: '',
        reasons: 'x',
        items: [{ kind: 'loan', id: 1.5, ruleCode: 'x' }],
      })
    bad.assertStatus(422)
    const fields = bad.body().errors.map((e: any) => e.field)
    assert.includeMembers(fields, ['title', 'items.0.id'])
    const unknown = await client
      .post(`${API}/plans`)
      .bearerToken(me.token)
      .json({
        kind: 'single',
        title: 't',
        reasons: 'r',
        amount: 12.5,
        items: [{ kind: 'loan', id: loan.loanId, ruleCode: 'death' }],
      })
    unknown.assertStatus(422)
    assert.equal(unknown.body().errors[0].field, 'amount')
    const two = await client
      .post(`${API}/plans`)
      .bearerToken(me.token)
      .json({
        kind: 'single',
        title: 't',
        reasons: 'r',
        items: [
          { kind: 'loan', id: loan.loanId, ruleCode: 'death' },
          { kind: 'loan', id: (await lossLoan()).loanId, ruleCode: 'death' },
        ],
      })
    two.assertStatus(422)
    const created = await client
      .post(`${API}/plans`)
      .bearerToken(me.token)
      .json({
        kind: 'single',
        title: 't',
        reasons: 'r',
        items: [{ kind: 'loan', id: loan.loanId, ruleCode: 'death' }],
      })
    created.assertStatus(201)
    const date = await client
      .post(`${API}/plans/${created.body().id}/reply`)
      .bearerToken((await replier()).token)
      .json({ repliedOn: '2026-02-30', replyText: '同意' })
    date.assertStatus(422)
    assert.equal(date.body().errors[0].field, 'repliedOn')
  })
})
