import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type { Simulator } from '../../../bank-systems/simulator/harness.js'
import {
  pointSystemsAt,
  resetBreakers,
  startTestSimulator,
} from '../../../bank-systems/simulator/harness.js'
import { buildBook } from '#tests/fixtures/book'
import type { CreditBook } from '../../../credit-assets/fixtures/book_fixture.js'
import { bookCardAccount } from '../../../credit-assets/fixtures/book_fixture.js'
import { API } from '../helpers.js'

/*
| Data scope on the shared test book: a branch user sees (and picks) only the
| loans and plans of their branch; another branch's plan, review or loan is a 404.
*/
test.group('write-off: data scope', (group) => {
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

  test('a branch user sees only their scope', async ({ client, assert }) => {
    const book = await buildBook()
    const credit = book.data['credit-assets'] as unknown as CreditBook
    const branch1 = book.people.branchManager
    const branch2 = book.people.otherBranchManager
    const doubtful = credit.loans.doubtful // branch 1, second sub-branch
    const loss = credit.loans.loss // branch 2

    const mine = await client
      .post(`${API}/plans`)
      .bearerToken(branch1.token)
      .json({
        kind: 'single',
        title: '一分行核销',
        reasons: '终结本次执行',
        items: [{ kind: 'loan', id: doubtful.loanId, ruleCode: 'litigation_ended' }],
      })
    mine.assertStatus(201)
    // Another branch's loan is as missing.
    const theirs = await client
      .post(`${API}/plans`)
      .bearerToken(branch1.token)
      .json({
        kind: 'single',
        title: '越权',
        reasons: '越权',
        items: [{ kind: 'loan', id: loss.loanId, ruleCode: 'litigation_ended' }],
      })
    theirs.assertStatus(404)
    const review = await client
      .post(`${API}/reviews`)
      .bearerToken(branch1.token)
      .json({ items: [{ kind: 'loan', id: doubtful.loanId, ruleCode: 'death' }] })
    review.assertStatus(201)

    // Branch 2 sees neither the plan nor the review; by id both are 404.
    const list = await client.get(`${API}/plans`).bearerToken(branch2.token)
    list.assertStatus(200)
    assert.notInclude(
      list.body().data.map((p: any) => p.id),
      mine.body().id
    )
    ;(await client.get(`${API}/plans/${mine.body().id}`).bearerToken(branch2.token)).assertStatus(
      404
    )
    ;(
      await client.get(`${API}/plans/${mine.body().id}/report`).bearerToken(branch2.token)
    ).assertStatus(404)
    ;(
      await client.get(`${API}/reviews/${review.body().id}`).bearerToken(branch2.token)
    ).assertStatus(404)
    ;(
      await client
        .get(`${API}/subjects/detail`)
        .qs({ kind: 'loan', id: doubtful.loanId })
        .bearerToken(branch2.token)
    ).assertStatus(404)
    // The head office sees it.
    const head = await client
      .get(`${API}/plans/${mine.body().id}`)
      .bearerToken(book.people.headOfficeRisk.token)
    head.assertStatus(200)

    // The picker offers each branch its own loans and cards only.
    const card = await bookCardAccount({ orgId: loss.orgId, customerId: loss.customerId })
    const picked = await client
      .get(`${API}/subjects/picker`)
      .qs({ kind: 'card', ids: String(card.accountId) })
      .bearerToken(branch1.token)
    assert.equal(picked.body().total, 0)
    const own = await client
      .get(`${API}/subjects/picker`)
      .qs({ kind: 'card', ids: String(card.accountId) })
      .bearerToken(branch2.token)
    assert.equal(own.body().total, 1)

    // A user without the permission gets 403.
    const noPerm = await buildBook({ permissions: ['credit-assets:loan:list'] })
    ;(await client.get(`${API}/plans`).bearerToken(noPerm.people.branchManager.token)).assertStatus(
      403
    )
  })
})
