import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { bookWriter, BookWriteError } from '../../services/book_writer.js'
import { bookCardAccount, bookLoan } from '../../fixtures/book_fixture.js'

/*
| book_writer's batch forms (批量核销): changeLoanStatuses leaves the book as one
| changeLoanStatus per loan does — status, the risk asset's exit, one timeline
| event per loan that changed — and nothing for a loan already in the status.
*/
const change = {
  status: 'written_off' as const,
  reason: '核销 HXPF2026-0001',
  businessDate: '2026-06-30',
  operatorId: 1,
}

async function bookOf(loanId: number) {
  const loan = await db.from('ca_loans').where('id', loanId).select('status').first()
  const risk = await db
    .from('ca_risk_assets')
    .where('loan_id', loanId)
    .select('status', 'exit_reason', db.raw('CAST(exited_on AS CHAR) as exited_on'))
    .first()
  const events = await db
    .from('ca_risk_events')
    .where({ loan_id: loanId, event_type: 'status' })
    .select('business_date', 'before_json', 'after_json', 'operator_id')
  return {
    loan,
    risk,
    events: events.map((e) => ({ ...e, business_date: String(e.business_date) })),
  }
}

test.group('credit-assets: book_writer batch forms', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('changeLoanStatuses equals changeLoanStatus per loan; a loan already there is left alone', async ({
    assert,
  }) => {
    const one = await bookLoan({ fiveClass: 'loss', riskAsset: true })
    const many = [
      await bookLoan({ fiveClass: 'loss', riskAsset: true }),
      await bookLoan({ fiveClass: 'loss', riskAsset: true }),
    ]
    await db.transaction((trx) =>
      bookWriter.changeLoanStatus(trx, { loanId: one.loanId, ...change })
    )
    const changed = await db.transaction((trx) =>
      bookWriter.changeLoanStatuses(trx, { loanIds: many.map((l) => l.loanId), ...change })
    )
    assert.equal(changed, 2)
    const expected = await bookOf(one.loanId)
    assert.equal(expected.loan.status, 'written_off')
    assert.lengthOf(expected.events, 1)
    for (const loan of many) assert.deepEqual(await bookOf(loan.loanId), expected)

    // Again (a re-run after an interruption): nothing changes, no second event.
    const again = await db.transaction((trx) =>
      bookWriter.changeLoanStatuses(trx, {
        loanIds: [...many.map((l) => l.loanId), one.loanId],
        ...change,
      })
    )
    assert.equal(again, 0)
    for (const loan of many) assert.lengthOf((await bookOf(loan.loanId)).events, 1)
  })

  test('a missing loan or account fails the whole batch; cards change in one go', async ({
    assert,
  }) => {
    const loan = await bookLoan({ fiveClass: 'loss', riskAsset: true })
    await assert.rejects(
      () =>
        db.transaction((trx) =>
          bookWriter.changeLoanStatuses(trx, { loanIds: [loan.loanId, 999_999_999], ...change })
        ),
      BookWriteError
    )
    assert.equal((await bookOf(loan.loanId)).loan.status, 'active')
    const cards = [
      await bookCardAccount({ orgId: loan.orgId, customerId: loan.customerId }),
      await bookCardAccount({ orgId: loan.orgId, customerId: loan.customerId }),
    ]
    const changed = await db.transaction((trx) =>
      bookWriter.changeCardAccountStatuses(trx, {
        accountIds: cards.map((c) => c.accountId),
        status: 'written_off',
        reason: '核销 HXPF2026-0001',
        businessDate: '2026-06-30',
      })
    )
    assert.equal(changed, 2)
    const statuses = await db
      .from('ca_card_accounts')
      .whereIn(
        'id',
        cards.map((c) => c.accountId)
      )
      .select('status')
    assert.deepEqual(
      statuses.map((s) => s.status),
      ['written_off', 'written_off']
    )
  })
})
