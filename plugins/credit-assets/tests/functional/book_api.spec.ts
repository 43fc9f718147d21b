import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import User from '#core/identity/user'
import { UserAccess } from '#core/identity/user_access'
import { buildBook, type SharedBook, type UserKey } from '#tests/fixtures/book'
import { bookApi } from '../../services/book_api.js'
import { bookWriter, BookWriteError } from '../../services/book_writer.js'
import type { CreditBook } from '../../fixtures/book_fixture.js'

const accessOf = async (book: SharedBook, key: UserKey) =>
  UserAccess.load(await User.findOrFail(book.users[key]))
const creditOf = (book: SharedBook) => book.data['credit-assets'] as unknown as CreditBook

test.group('credit-assets: book_api and the shared book', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('buildBook makes loans in every five-class, risk assets, guarantors and collateral', async ({
    assert,
  }) => {
    const book = await buildBook()
    const credit = creditOf(book)
    assert.lengthOf(book.orgs.branches, 2)
    assert.lengthOf(book.orgs.subBranches, 4)
    const loans = await bookApi.loans.search({
      ids: Object.values(credit.loans).map((l) => l.loanId),
    })
    assert.sameMembers(
      loans.data.map((l) => l.fiveClass),
      ['normal', 'special_mention', 'substandard', 'doubtful', 'loss']
    )
    const risks = await bookApi.riskAssets.byKeys(credit.riskAssetLoanIds)
    assert.deepEqual(
      risks.map((r) => r.status),
      ['managed', 'managed', 'managed']
    )
    assert.lengthOf(await bookApi.collaterals.byKeys([credit.loans.substandard.loanId]), 1)
    assert.lengthOf(await bookApi.guarantees.byKeys([credit.loans.loss.loanId]), 1)
  })

  test('plain data out: yuan text, ISO dates, numbers as numbers', async ({ assert }) => {
    const credit = creditOf(await buildBook())
    const loan = (await bookApi.loans.byId(credit.loans.substandard.loanId))!
    assert.equal(loan.amount, '1000000.00')
    assert.equal(loan.rate, '0.043500')
    assert.equal(loan.maturityDate, '2027-01-01')
    assert.equal(loan.overdueDays, 120)
    const [byNo] = await bookApi.loans.byKeys([loan.loanNo])
    assert.equal(byNo.id, loan.id)
    const [collateral] = await bookApi.collaterals.byKeys([loan.id])
    assert.equal(collateral.value, '1500000.00')
    assert.equal(collateral.valuationDate, '2026-01-15')
  })

  test('scoped by the caller: 仅本人 sees own loans only, a branch its subtree, children follow the loan', async ({
    assert,
  }) => {
    const book = await buildBook()
    const { loans } = creditOf(book)
    const managerA = await accessOf(book, 'accountManagerA')
    assert.isNotNull(await bookApi.loans.byId(loans.normal.loanId, { access: managerA }))
    assert.isNull(await bookApi.loans.byId(loans.substandard.loanId, { access: managerA }))
    assert.deepEqual(
      await bookApi.collaterals.byKeys([loans.substandard.loanId], { access: managerA }),
      []
    )

    const branch = await accessOf(book, 'branchManager')
    const seen = await bookApi.loans.search(
      { ids: Object.values(loans).map((l) => l.loanId) },
      { access: branch }
    )
    assert.sameMembers(
      seen.data.map((l) => l.fiveClass),
      ['normal', 'special_mention', 'substandard', 'doubtful']
    )
    const lossGuarantees = await bookApi.guarantees.search(
      { loanIds: [loans.loss.loanId] },
      { access: branch }
    )
    assert.equal(lossGuarantees.meta.total, 0)
    const hq = await accessOf(book, 'headOfficeRisk')
    assert.equal(
      (await bookApi.guarantees.search({ loanIds: [loans.loss.loanId] }, { access: hq })).meta
        .total,
      1
    )
  })

  test('search pages and escapes LIKE input', async ({ assert }) => {
    const book = await buildBook()
    const { loans } = creditOf(book)
    const customerId = loans.normal.customerId
    const first = await bookApi.loans.search({ customerId, perPage: 1, page: 1 })
    const second = await bookApi.loans.search({ customerId, perPage: 1, page: 2 })
    assert.deepEqual(first.meta, { total: 2, page: 1, perPage: 1 })
    assert.notEqual(first.data[0].id, second.data[0].id)
    assert.equal((await bookApi.customers.search({ keyword: '%' })).meta.total, 0)
    assert.equal((await bookApi.customers.search({ keyword: '测试客户' })).meta.total >= 4, true)
  })

  test('book_writer changes a loan status, ends risk management and records the event in the caller’s transaction', async ({
    assert,
  }) => {
    const { loans } = creditOf(await buildBook())
    const loanId = loans.substandard.loanId
    await assert.rejects(
      () =>
        bookWriter.changeLoanStatus(undefined as any, {
          loanId,
          status: 'written_off',
          reason: '核销',
          businessDate: '2026-06-30',
          operatorId: null,
        }),
      BookWriteError
    )
    // A caller whose own step fails rolls the book change back with it.
    await db
      .transaction(async (trx) => {
        await bookWriter.changeLoanStatus(trx, {
          loanId,
          status: 'written_off',
          reason: '核销 HX-1',
          businessDate: '2026-06-30',
          operatorId: null,
        })
        throw new Error('the caller’s own write failed')
      })
      .catch(() => {})
    assert.equal((await bookApi.loans.byId(loanId))!.status, 'active')

    const after = await db.transaction((trx) =>
      bookWriter.changeLoanStatus(trx, {
        loanId,
        status: 'written_off',
        reason: '核销 HX-2',
        businessDate: '2026-06-30',
        operatorId: null,
      })
    )
    assert.equal(after.status, 'written_off')
    const [risk] = await bookApi.riskAssets.byKeys([loanId])
    assert.include(risk, { status: 'exited', exitedOn: '2026-06-30', exitReason: '核销 HX-2' })
    const events = await db
      .from('ca_risk_events')
      .where({ loan_id: loanId, event_type: 'status' })
      .select('before_json', 'after_json')
    assert.lengthOf(events, 1)
    assert.deepEqual(JSON.parse(events[0].after_json), {
      status: 'written_off',
      reason: '核销 HX-2',
    })
    assert.deepEqual(JSON.parse(events[0].before_json), { status: 'active' })
  })
})
