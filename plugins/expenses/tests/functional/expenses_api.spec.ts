import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { UserAccess } from '#core/identity/user_access'
import User from '#core/identity/user'
import { buildBook } from '#tests/fixtures/book'
import type { CreditBook } from '../../../credit-assets/fixtures/book_fixture.js'
import { ExpenseError, listFor, recordExpense, totalsFor } from '../../services/expenses_api.js'

/*
| The public service other plugins call: an expense recorded inside the
| caller's transaction, linked to its source record, approved at once up to the
| 审批金额, idempotent on the caller's request key, read back per source (in
| scope) and totalled per source for their ledgers.
*/
const caseRef = { plugin: 'litigation', kind: 'case', id: '12' }

test.group('expenses: public service', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('recordExpense in the caller’s transaction; listFor and totalsFor per source', async ({
    assert,
  }) => {
    const book = await buildBook()
    const { loans } = book.data['credit-assets'] as unknown as CreditBook
    const clerk = book.people.branchManager
    const input = {
      feeKind: 'acceptance_fee',
      customerId: loans.substandard.customerId,
      loanIds: [loans.substandard.loanId],
      payer: '本行',
      payee: '北京市朝阳区人民法院',
      amount: '8800.50',
      expenseDate: '2026-01-05',
      recoverable: true,
      source: { ...caseRef, label: '（2026）京0105民初12号', link: '/p/litigation/Cases?id=12' },
      requestKey: 'case:12:acceptance',
      operatorId: clerk.id,
    }
    const { expense, created } = await db.transaction((trx) => recordExpense(trx, input))
    assert.isTrue(created)
    assert.equal(expense.amount, '8800.50')
    // 8 800.50 ≤ the default 审批金额 10 000.00: approved on submission, audited.
    assert.equal(expense.status, 'approved')
    assert.match(expense.expenseNo, /^FY\d{14}$/)
    assert.deepEqual(expense.loans, [
      { loanId: loans.substandard.loanId, loanNo: expense.loans[0].loanNo },
    ])
    assert.equal(expense.orgId, loans.substandard.orgId)
    assert.deepEqual(expense.source, {
      plugin: 'litigation',
      kind: 'case',
      id: '12',
      label: '（2026）京0105民初12号',
      link: '/p/litigation/Cases?id=12',
    })
    const audits = await db
      .from('audit_logs')
      .where('entity_type', 'expense')
      .where('entity_id', String(expense.id))
      .orderBy('id')
      .select('action')
    assert.deepEqual(
      audits.map((a) => a.action),
      ['expenses.expense.create', 'expenses.expense.approve']
    )

    // The same request key again: the same expense, nothing new.
    const again = await db.transaction((trx) => recordExpense(trx, input))
    assert.isFalse(again.created)
    assert.equal(again.expense.id, expense.id)
    const clash = await db
      .transaction((trx) => recordExpense(trx, { ...input, amount: '1.00' }))
      .catch((e) => e)
    assert.instanceOf(clash, ExpenseError)
    assert.equal(clash.status, 409)

    // A second fee of the case, then a rolled-back one that leaves nothing behind.
    await db.transaction((trx) =>
      recordExpense(trx, {
        ...input,
        feeKind: 'lawyer_fee',
        amount: '1000.00',
        requestKey: undefined,
      })
    )
    await db
      .transaction(async (trx) => {
        await recordExpense(trx, { ...input, amount: '5.00', requestKey: 'case:12:other' })
        throw new Error('the case failed to save')
      })
      .catch(() => null)

    const listed = await listFor(caseRef, await UserAccess.load(await User.findOrFail(clerk.id)))
    assert.lengthOf(listed, 2)
    const outsider = await UserAccess.load(await User.findOrFail(book.people.otherBranchManager.id))
    assert.lengthOf(await listFor(caseRef, outsider), 0)

    const [totals, none] = await totalsFor([caseRef, { ...caseRef, id: 99 }])
    assert.deepInclude(totals, {
      count: 2,
      total: '9800.50',
      paid: '0.00',
      recovered: '0.00',
      toRecover: '0.00',
    })
    assert.deepInclude(none, { id: '99', count: 0, total: '0.00' })
  })

  test('bad input is a validation error; loans of another customer or scope are refused', async ({
    assert,
  }) => {
    const book = await buildBook()
    const { loans } = book.data['credit-assets'] as unknown as CreditBook
    const base = {
      feeKind: 'preservation_fee',
      customerId: loans.substandard.customerId,
      loanIds: [loans.substandard.loanId],
      payer: '本行',
      payee: '法院',
      amount: '100.00',
      expenseDate: '2026-01-05',
      recoverable: false,
      source: caseRef,
      operatorId: book.people.branchManager.id,
    }
    const attempt = (patch: Record<string, unknown>) =>
      db.transaction((trx) => recordExpense(trx, { ...base, ...patch } as any)).catch((e) => e)

    for (const amount of ['-1.00', '12.345', 'abc', '0.00']) {
      const error = await attempt({ amount })
      assert.equal(error.code, 'E_VALIDATION_ERROR', amount)
      assert.equal(error.messages[0].field, 'amount')
    }
    assert.equal((await attempt({ feeKind: 'bribe' })).messages[0].field, 'feeKind')
    assert.equal((await attempt({ expenseDate: '2026-02-30' })).messages[0].field, 'expenseDate')
    assert.equal((await attempt({ colour: 'red' })).messages[0].field, 'colour')
    const foreign = await attempt({ loanIds: [loans.loss.loanId] })
    assert.equal(foreign.status, 422)
    assert.equal(foreign.field, 'loanIds')
    const outsider = await UserAccess.load(await User.findOrFail(book.people.otherBranchManager.id))
    const scoped = await attempt({ access: outsider })
    assert.equal(scoped.status, 404)
    const count = await db.from('exp_expenses').count('* as n').first()
    assert.equal(Number(count.n), 0)
  })
})
