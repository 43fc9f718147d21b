import { writeFileSync } from 'node:fs'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { tokenFor } from '#tests/helpers/auth'
import { approveAs, decide, rejectAs, resubmitAs, returnAs } from '#tests/helpers/approvals'
import type { Simulator } from '../../../bank-systems/simulator/harness.js'
import {
  pointSystemsAt,
  resetBreakers,
  startTestSimulator,
} from '../../../bank-systems/simulator/harness.js'
import { generatedBook as smallBook } from '../../../credit-assets/fixtures/book_fixture.js'
import { PLAN_API, applyPlan, planBody, planBook, planDetail } from '../plan_helpers.js'

/*
| 处置预案 end to end against the bank-systems simulator: the form's facts come
| over real HTTP through the real adapters; the approval runs through the core
| workflow with the default two-tier chain; the query page sees the result.
*/
test.group('disposal: plan apply → approve (two tiers) → query', (group) => {
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

  test('apply with real-time facts, approve at branch then head office, find it approved', async ({
    client,
    assert,
  }) => {
    await smallBook()
    const { customer, loanIds, applicant, people } = await planBook()

    // The form: customer search, loans, real-time facts with source and time.
    const found = await client
      .get(`${PLAN_API}/plan-customers`)
      .qs({ keyword: customer.customerNo })
      .bearerToken(applicant.token)
    found.assertStatus(200)
    assert.deepInclude(
      found.body().data.map((c: any) => c.id),
      customer.id
    )
    const loans = await client
      .get(`${PLAN_API}/plan-customers/${customer.id}/loans`)
      .bearerToken(applicant.token)
    loans.assertStatus(200)
    assert.sameMembers(
      loans.body().loans.map((l: any) => l.id),
      loanIds
    )
    const prefill = await client
      .get(`${PLAN_API}/plan-prefill`)
      .qs({ customerId: customer.id, loanIds: loanIds.join(',') })
      .bearerToken(applicant.token)
    prefill.assertStatus(200)
    const sections = prefill.body().sections
    assert.sameMembers(
      sections.map((s: any) => s.section),
      ['principal', 'creditLines', 'litigation', 'assetChanges', 'related']
    )
    for (const s of sections) {
      assert.equal(s.status, 'ok', `${s.section}: ${s.message}`)
      assert.isString(s.fetchedAt)
      assert.isString(s.source.zh)
    }
    assert.equal(sections[0].source.zh, '核心系统')
    assert.lengthOf(sections[0].data, loanIds.length)

    // Save a draft: the server freezes the core-banking figures, to the fen.
    const created = await client
      .post(`${PLAN_API}/plans`)
      .bearerToken(applicant.token)
      .json(planBody(customer.id, loanIds))
    created.assertStatus(201)
    const plan = created.body()
    assert.equal(plan.status, 'draft')
    assert.match(plan.planNo, /^CZYA\d{8}\d{6}$/)
    assert.equal(plan.expectedRecovery, '880000.50')
    assert.isTrue(plan.loans.every((l: any) => l.figuresSource === 'core-banking'))
    const book = await db.from('ca_loans').whereIn('id', loanIds).sum('balance_fen as fen').first()
    assert.equal(plan.principal.replace('.', ''), String(BigInt(book.fen)))
    assert.deepEqual(
      plan.timeline.map((e: any) => e.eventType),
      ['created']
    )

    // Submit: pending, one workflow instance, the first task at the branch.
    const submitted = await client
      .post(`${PLAN_API}/plans/${plan.id}/submit`)
      .bearerToken(applicant.token)
    submitted.assertStatus(200)
    assert.equal(submitted.body().status, 'pending')
    const instanceId = submitted.body().instanceId
    const instance = await db.from('wf_instances').where('id', instanceId).firstOrFail()
    assert.equal(instance.type_code, 'disposal:plan')
    assert.equal(instance.business_id, String(plan.id))
    assert.equal(String(instance.amount_fen), plan.principal.replace('.', ''))

    // An applicant cannot change a plan under approval.
    const edit = await client
      .put(`${PLAN_API}/plans/${plan.id}`)
      .bearerToken(applicant.token)
      .json(planBody(customer.id, loanIds, { reasons: '改' }))
    edit.assertStatus(409)

    // Tier 1: the branch's 资产管理 approves from their 待办; the plan is still pending.
    const branch = people.branch.token
    const todo = await client.get('/api/workflow/tasks').qs({ box: 'todo' }).bearerToken(branch)
    todo.assertStatus(200)
    const task = todo.body().data.find((t: any) => t.instanceId === instanceId)
    assert.exists(task, "the plan is in the branch approver's 待办")
    assert.equal(task.link, `/p/disposal/PlanQuery?id=${plan.id}`)
    await approveAs(client, people.branch, instanceId, '同意，报总行')
    assert.equal((await planDetail(client, people.branch, plan.id)).status, 'pending')

    // Tier 2 (principal ≥ 1 000 000.00): 总行风险管理 approves; the handler marks it approved.
    await approveAs(client, people.head, instanceId, '同意诉讼')

    // Query: filters find it approved, with the whole timeline.
    const list = await client
      .get(`${PLAN_API}/plans`)
      .qs({ status: 'approved', method: 'litigation', keyword: plan.planNo })
      .bearerToken(applicant.token)
    list.assertStatus(200)
    assert.equal(list.body().meta.total, 1)
    assert.equal(list.body().data[0].id, plan.id)
    const detail = await planDetail(client, people.head, plan.id)
    assert.equal(detail.status, 'approved')
    assert.isString(detail.decidedAt)
    assert.deepEqual(
      detail.timeline.map((e: any) => e.eventType),
      ['created', 'submitted', 'approved']
    )
    const headName = (await db.from('users').where('id', people.head.id).firstOrFail()).real_name
    assert.equal(detail.timeline[2].actorName, headName, 'the head-office approver decided')

    // Other plugins read approved plans through the documented service.
    const { approvedPlans, approvedPlanTotals } = await import('../../services/plans_api.js')
    assert.deepEqual(await approvedPlanTotals({ customerId: customer.id }), [
      {
        orgId: plan.orgId,
        method: 'litigation',
        plans: 1,
        principal: plan.principal,
        expectedRecovery: '880000.50',
      },
    ])
    const approved = await approvedPlans({ customerId: customer.id })
    assert.equal(approved[0].planNo, plan.planNo)
    assert.equal(approved[0].expectedRecovery, '880000.50')
    assert.sameMembers(
      approved[0].loans.map((l) => l.loanId),
      loanIds
    )

    // The 审批表 PDF.
    const pdf = await client.get(`${PLAN_API}/plans/${plan.id}/pdf`).bearerToken(applicant.token)
    pdf.assertStatus(200)
    assert.equal(pdf.header('content-type'), 'application/pdf')
    const bytes = pdf.body() as Buffer
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-')
    assert.include(String(pdf.header('content-disposition')), `${plan.planNo}.pdf`)
    if (process.env.PLAN_PDF_OUT) {
      // Looking at the document: the PDF, and its HTML for a screenshot.
      writeFileSync(process.env.PLAN_PDF_OUT, bytes)
      const { renderDocumentHtml } = await import('#core/documents/templates')
      const { planDocumentData } = await import('../../plans/plan_document.js')
      const { html } = await renderDocumentHtml({
        plugin: 'disposal',
        template: 'plan',
        data: await planDocumentData(detail, '测试'),
      })
      writeFileSync(`${process.env.PLAN_PDF_OUT}.html`, html)
    }
  }).timeout(60_000)

  test('below the tier one branch approval decides; a return lets the applicant edit and resubmit', async ({
    client,
    assert,
  }) => {
    await smallBook()
    const { customer, loanIds, applicant, people } = await planBook()
    await db.from('ca_loans').whereIn('id', loanIds).update({ balance_fen: 10_000_000 })
    const { plan, instanceId } = await applyPlan(
      client,
      applicant,
      planBody(customer.id, loanIds.slice(0, 1), { method: 'collection', expectedRecovery: '0' })
    )
    assert.equal(plan.principal, '100000.00')

    await returnAs(client, people.branch, instanceId, '请补充担保人财产线索')
    assert.equal((await planDetail(client, applicant, plan.id)).status, 'returned')

    const edited = await client
      .put(`${PLAN_API}/plans/${plan.id}`)
      .bearerToken(applicant.token)
      .json(
        planBody(customer.id, loanIds.slice(0, 1), {
          method: 'collection',
          expectedRecovery: '1.00',
          reasons: '已补充：担保人名下房产一处',
        })
      )
    edited.assertStatus(200)
    assert.equal(edited.body().expectedRecovery, '1.00')
    // A second session: the repeat-submit guard stops the same request within 2 s.
    const again = await client
      .post(`${PLAN_API}/plans/${plan.id}/submit`)
      .bearerToken(await tokenFor(applicant.username))
    again.assertStatus(200)
    assert.equal(again.body().instanceId, instanceId, 'the same approval, a new round')

    await approveAs(client, people.branch, instanceId)
    const done = await planDetail(client, applicant, plan.id)
    assert.equal(done.status, 'approved', 'below 1 000 000.00 the branch alone decides')
    assert.deepEqual(
      done.timeline.map((e: any) => e.eventType),
      ['created', 'submitted', 'returned', 'updated', 'submitted', 'approved']
    )
  }).timeout(60_000)
  test('a returned plan resubmitted unchanged from the workflow page is under approval again', async ({
    client,
    assert,
  }) => {
    await smallBook()
    const { customer, loanIds, applicant, people } = await planBook()
    await db.from('ca_loans').whereIn('id', loanIds).update({ balance_fen: 10_000_000 })
    const { plan, instanceId } = await applyPlan(
      client,
      applicant,
      planBody(customer.id, loanIds.slice(0, 1), { method: 'collection' })
    )
    await returnAs(client, people.branch, instanceId, '请补充材料')

    await resubmitAs(client, applicant, instanceId, '材料已在附件中')
    const pending = await planDetail(client, applicant, plan.id)
    assert.equal(pending.status, 'pending', 'the plan learns it is under approval again')

    await approveAs(client, people.branch, instanceId)
    const done = await planDetail(client, applicant, plan.id)
    assert.equal(done.status, 'approved')
    assert.deepEqual(
      done.timeline.map((e: any) => e.eventType),
      ['created', 'submitted', 'returned', 'submitted', 'approved']
    )
  }).timeout(60_000)

  test('a rejection closes the plan; a plan that cannot take a decision rolls the decision back', async ({
    client,
    assert,
  }) => {
    await smallBook()
    const { customer, loanIds, applicant, people } = await planBook()
    await db.from('ca_loans').whereIn('id', loanIds).update({ balance_fen: 10_000_000 })
    const first = await applyPlan(
      client,
      applicant,
      planBody(customer.id, [loanIds[0]], { method: 'write_off', expectedRecovery: '0.00' })
    )
    // A loan in an open plan cannot go into a second one: its asset claim names the first.
    const blocked = await client
      .post(`${PLAN_API}/plans`)
      .bearerToken(applicant.token)
      .json(planBody(customer.id, [loanIds[0]], { reasons: '第二份' }))
    blocked.assertStatus(409)
    assert.include(blocked.body().message, `处置预案 ${first.plan.planNo}`)

    await rejectAs(client, people.branch, first.instanceId, '抵押物足值，不宜核销')
    const closed = await planDetail(client, people.branch, first.plan.id)
    assert.equal(closed.status, 'rejected')
    assert.isString(closed.decidedAt)

    // Rejected, the loan is free again: the second plan goes in. Then someone changes
    // that plan behind the workflow's back, and the approval must not go through.
    const second = await applyPlan(
      client,
      { token: await tokenFor(applicant.username) },
      planBody(customer.id, [loanIds[0]], { reasons: '第二份预案：前一份已否决' })
    )
    await db.from('disposal_plans').where('id', second.plan.id).update({ status: 'draft' })
    const refused = await decide(client, people.branch, second.instanceId, 'approve', {
      comment: '同意',
    })
    assert.oneOf(refused.status(), [409, 422])
    const instance = await db.from('wf_instances').where('id', second.instanceId).firstOrFail()
    assert.equal(instance.status, 'pending', 'the decision rolled back with the handler')
    const events = await db.from('disposal_plan_events').where('plan_id', second.plan.id)
    assert.notInclude(
      events.map((e) => e.event_type),
      'approved'
    )
  }).timeout(60_000)
})
