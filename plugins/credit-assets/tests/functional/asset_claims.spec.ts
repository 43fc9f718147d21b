import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { assetClaims, AssetClaimError } from '../../services/asset_claims.js'
import { bookLoan } from '../../fixtures/book_fixture.js'

/*
| 资产占用: one holder per loan across plugins. A repeated claim by the holder is
| a no-op; another application's claim is a 409 naming the loan and the holder,
| claiming nothing; release frees the loans; the set-based claim skips held
| loans; whereUnclaimed / whereClaimedByOthers narrow a loan query.
*/
const writeOff = { holder: 'write-off', ref: 'plan:1', label: '核销方案 HXFA202612070001' }
const batch = { holder: 'batch-disposal', ref: 'project:9', label: '批量转让项目 PLZR1' }

test.group('credit-assets: asset claims', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('claim, repeat, refuse another holder by name, release', async ({ assert }) => {
    const a = await bookLoan()
    const b = await bookLoan()
    const c = await bookLoan()
    await db.transaction(async (trx) => {
      assert.equal(await assetClaims.claim(trx, writeOff, [a.loanId, b.loanId]), 2)
      assert.equal(await assetClaims.claim(trx, writeOff, [a.loanId]), 0)
    })
    const refused = await db
      .transaction((trx) => assetClaims.claim(trx, batch, [c.loanId, b.loanId]))
      .catch((e) => e)
    assert.instanceOf(refused, AssetClaimError)
    assert.equal(refused.status, 409)
    assert.include(refused.zh, b.loanNo)
    assert.include(refused.zh, '核销方案 HXFA202612070001')
    // Nothing of the refused claim stays: c is still free.
    const held = await assetClaims.holders([a.loanId, b.loanId, c.loanId])
    assert.deepEqual(
      [...held.values()].map((h) => [h.loanId, h.holder, h.ref]),
      [
        [a.loanId, 'write-off', 'plan:1'],
        [b.loanId, 'write-off', 'plan:1'],
      ]
    )
    await db.transaction(async (trx) => {
      assert.equal(await assetClaims.release(trx, writeOff, [a.loanId]), 1)
      assert.equal(await assetClaims.release(trx, { holder: 'batch-disposal', ref: 'x:1' }), 0)
    })
    assert.deepEqual([...(await assetClaims.holders([a.loanId, b.loanId])).keys()], [b.loanId])
    await db.transaction((trx) => assetClaims.release(trx, writeOff))
    assert.equal((await assetClaims.holders([b.loanId])).size, 0)
  })

  test('set-based claim skips held loans; the query narrowers', async ({ assert }) => {
    const loans = [await bookLoan(), await bookLoan(), await bookLoan()]
    const ids = loans.map((l) => l.loanId)
    await db.transaction((trx) => assetClaims.claim(trx, writeOff, [ids[0]]))
    const pick = () => db.from('ca_loans as l').whereIn('l.id', ids)
    const claimed = await db.transaction((trx) =>
      assetClaims.claimSelected(trx, batch, pick().select('l.id as loan_id'))
    )
    assert.equal(claimed, 2)
    const again = await db.transaction((trx) =>
      assetClaims.claimSelected(trx, batch, pick().select('l.id as loan_id'))
    )
    assert.equal(again, 0)
    const free = await assetClaims.whereUnclaimed(pick(), 'l.id').select('l.id')
    assert.lengthOf(free, 0)
    const exceptBatch = await assetClaims.whereUnclaimed(pick(), 'l.id', batch).select('l.id')
    assert.sameMembers(
      exceptBatch.map((r: any) => Number(r.id)),
      [ids[1], ids[2]]
    )
    const others = await assetClaims.whereClaimedByOthers(pick(), 'l.id', batch).select('l.id')
    assert.deepEqual(
      others.map((r: any) => Number(r.id)),
      [ids[0]]
    )
    assert.throws(() => assetClaims.whereUnclaimed(pick(), 'l.id; DROP TABLE x'))
  })
})
