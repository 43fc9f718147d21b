import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { buildBook } from '#tests/fixtures/book'
import type { CreditBook } from '../../../credit-assets/fixtures/book_fixture.js'
import {
  receiveAsset,
  findByReceipt,
  ForeclosedAssetError,
} from '../../services/foreclosed_assets_api.js'

test.group('foreclosed-assets: receiveAsset', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('computes the disposal deadline per class, idempotent by receiptRef', async ({ assert }) => {
    const book = await buildBook()
    const { loans } = book.data['credit-assets'] as unknown as CreditBook
    const loan = loans.doubtful
    const base = {
      customerId: loan.customerId,
      orgId: loan.orgId,
      loanIds: [loan.loanId],
      name: '朝阳区某路1号房产',
      bookValueFen: 123456789n,
      appraisedValueFen: '130000000',
      actorId: book.people.headOfficeRisk.id,
    }
    // 2024-02-29 + 24 months = 2026-02-28, a Saturday → Monday 2026-03-02 (§203).
    const house = await receiveAsset({
      ...base,
      receiptRef: 't:1',
      assetClass: 'real_estate',
      acquiredOn: '2024-02-29',
    })
    const again = await receiveAsset({
      ...base,
      receiptRef: 't:1',
      assetClass: 'real_estate',
      acquiredOn: '2024-02-29',
    })
    assert.equal(again.id, house.id)
    const a = await findByReceipt('t:1')
    assert.equal(a!.disposalDeadline, '2026-03-02')
    assert.equal(a!.bookValue, '1234567.89')
    assert.equal(a!.status, 'held')
    assert.deepEqual(a!.loanIds, [loan.loanId])
    assert.match(a!.assetNo, /^DZ2024\d{6}$/)

    // Movables: one year; 2026-12-07 + 12 months = 2027-12-07 (a Tuesday).
    await receiveAsset({
      ...base,
      receiptRef: 't:2',
      assetClass: 'movable',
      acquiredOn: '2026-12-07',
    })
    assert.equal((await findByReceipt('t:2'))!.disposalDeadline, '2027-12-07')
    await receiveAsset({
      ...base,
      receiptRef: 't:3',
      assetClass: 'equity',
      acquiredOn: '2026-12-07',
    })
    assert.equal((await findByReceipt('t:3'))!.disposalDeadline, '2028-12-07')

    const deadline = await db
      .from('deadlines')
      .where({
        source: 'foreclosed-assets',
        kind: 'foreclosed-assets:disposal',
        subject_id: String(house.id),
      })
      .first()
    assert.equal(String(deadline.due_date).slice(0, 10), '2026-03-02')
    const audit = await db
      .from('audit_logs')
      .where({ action: 'foreclosed_asset.receive', entity_id: String(house.id) })
      .first()
    assert.exists(audit)
    assert.equal(audit.user_id, book.people.headOfficeRisk.id)
    assert.equal(
      await db
        .from('foreclosed_assets')
        .where('receipt_ref', 't:1')
        .count('* as n')
        .first()
        .then((r: any) => Number(r.n)),
      1
    )
  })

  test("refuses an unknown class, a bad date and another customer's loan", async ({ assert }) => {
    const book = await buildBook()
    const { loans } = book.data['credit-assets'] as unknown as CreditBook
    const loan = loans.doubtful
    const base = {
      receiptRef: 't:bad',
      customerId: loan.customerId,
      orgId: loan.orgId,
      loanIds: [loan.loanId],
      name: 'x',
      assetClass: 'real_estate' as const,
      acquiredOn: '2026-12-07',
      bookValueFen: '100',
      appraisedValueFen: '100',
      actorId: book.people.headOfficeRisk.id,
    }
    const fieldOf = async (input: any) => {
      try {
        await receiveAsset(input)
        return null
      } catch (e) {
        assert.instanceOf(e, ForeclosedAssetError)
        return (e as ForeclosedAssetError).field
      }
    }
    assert.equal(await fieldOf({ ...base, assetClass: 'ship' }), 'assetClass')
    assert.equal(await fieldOf({ ...base, acquiredOn: '2026-02-30' }), 'acquiredOn')
    assert.equal(await fieldOf({ ...base, bookValueFen: '12.5' }), 'bookValueFen')
    assert.equal(await fieldOf({ ...base, customerId: base.customerId + 100000 }), 'loanIds')
    assert.isNull(await findByReceipt('t:bad'))
  })
})
