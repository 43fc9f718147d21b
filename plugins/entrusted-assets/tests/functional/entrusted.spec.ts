import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { businessDate } from '#core/business_day/business_date'
import { buildBook } from '#tests/fixtures/book'
import User from '#core/identity/user'
import { UserAccess } from '#core/identity/user_access'
import { applyRules } from '../../services/special.js'
import {
  setLoanBalance,
  snapshotBook,
  type CreditBook,
} from '../../../credit-assets/fixtures/book_fixture.js'

/*
| 受托资产 and 特定资产: registration (fee computed once to the fen, 422 on bad
| input and unknown fields), scope (by id out of scope = 404), audit, and the
| ledgers with their as-of dates.
*/
const CODES = [
  'entrusted-assets:asset:list',
  'entrusted-assets:asset:create',
  'entrusted-assets:asset:update',
  'entrusted-assets:ledger:list',
  'entrusted-assets:special:list',
  'entrusted-assets:special:create',
  'entrusted-assets:special:delete',
  'entrusted-assets:rule:list',
  'entrusted-assets:rule:create',
  'entrusted-assets:special-ledger:list',
]
const asset = (over: Record<string, unknown> = {}) => ({
  contractNo: 'WT-2026-001',
  principalParty: '东方资产管理股份有限公司',
  assetName: '某房地产项目债权包',
  principal: '12345678.91',
  feeRate: '1.255',
  periodFrom: '2026-03-01',
  periodTo: '2027-02-28',
  status: 'managing',
  ...over,
})

test.group('entrusted-assets: 受托资产', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('registered with the fee rounded once; visible in the ledger by as-of date', async ({
    client,
    assert,
  }) => {
    await businessDate.set('2026-03-10')
    const book = await buildBook({ permissions: CODES })
    const token = book.people.branchManager.token
    const created = await client
      .post('/api/entrusted-assets/assets')
      .bearerToken(token)
      .json(asset())
    created.assertStatus(201)
    // 12,345,678.91 × 1.255 % = 154,938.270…05 → 154,938.27 (half-up, once)
    assert.include(created.body(), {
      fee: '154938.27',
      feeRate: '1.255',
      registeredOn: '2026-03-10',
    })

    const ledger = async (query = '') =>
      (await client.get(`/api/ledgers/entrusted-assets/rows${query}`).bearerToken(token)).body()
    const live = await ledger()
    assert.deepEqual(
      live.data.map((r: any) => [r.contractNo, r.principal, r.fee]),
      [['WT-2026-001', '12345678.91', '154938.27']]
    )
    assert.lengthOf((await ledger('?asOf=2026-03-09')).data, 0)
    assert.lengthOf((await ledger('?asOf=2026-03-10')).data, 1)

    // Ended later: still under management as of the days before.
    await businessDate.set('2026-06-30')
    const ended = await client
      .put(`/api/entrusted-assets/assets/${created.body().id}`)
      .bearerToken(token)
      .json(asset({ status: 'ended' }))
    ended.assertStatus(200)
    assert.equal(ended.body().endedOn, '2026-06-30')
    assert.lengthOf((await ledger('?asOf=2026-06-29')).data, 1)
    assert.lengthOf((await ledger('?asOf=2026-06-30')).data, 0)

    const audits = await db
      .from('audit_logs')
      .where('entity_type', 'entrusted_asset')
      .orderBy('id')
      .select('action')
    assert.deepEqual(
      audits.map((a) => a.action),
      ['entrusted.asset.create', 'entrusted.asset.update']
    )
  })

  test('bad input is 422 with field messages; duplicates and unknown fields refused', async ({
    client,
    assert,
  }) => {
    await businessDate.set('2026-03-10')
    const book = await buildBook({ permissions: CODES })
    const post = (body: object) =>
      client
        .post('/api/entrusted-assets/assets')
        .bearerToken(book.people.branchManager.token)
        .json(body)
    const fields = async (body: object) => {
      const response = await post(body)
      response.assertStatus(422)
      return response.body().errors.map((e: any) => e.field)
    }
    assert.include(await fields(asset({ principal: '1.001' })), 'principal')
    assert.include(await fields(asset({ feeRate: '101' })), 'feeRate')
    assert.include(await fields(asset({ periodTo: '2026-02-30' })), 'periodTo')
    assert.include(await fields(asset({ periodTo: '2026-01-01' })), 'periodTo')
    assert.include(await fields(asset({ status: 'lost' })), 'status')
    assert.include(await fields(asset({ feeFen: '1' })), 'feeFen')
    ;(await post(asset())).assertStatus(201)
    // The same contract again (another body: the repeat-submit guard answers identical ones).
    assert.include(await fields(asset({ principal: '1.00' })), 'contractNo')
  })

  test('scope: another branch neither lists nor reads nor edits it (404)', async ({
    client,
    assert,
  }) => {
    await businessDate.set('2026-03-10')
    const book = await buildBook({ permissions: CODES })
    const created = await client
      .post('/api/entrusted-assets/assets')
      .bearerToken(book.people.branchManager.token)
      .json(asset())
    const other = book.people.otherBranchManager.token
    const id = created.body().id
    ;(await client.get(`/api/entrusted-assets/assets/${id}`).bearerToken(other)).assertStatus(404)
    ;(
      await client.put(`/api/entrusted-assets/assets/${id}`).bearerToken(other).json(asset())
    ).assertStatus(404)
    const list = await client.get('/api/entrusted-assets/assets').bearerToken(other)
    assert.lengthOf(list.body().data, 0)
    const ledger = await client.get('/api/ledgers/entrusted-assets/rows').bearerToken(other)
    assert.lengthOf(ledger.body().data, 0)
    ;(
      await client
        .get(`/api/entrusted-assets/assets/${id}`)
        .bearerToken(book.people.headOfficeRisk.token)
    ).assertStatus(200)
  })
})

test.group('entrusted-assets: 特定资产', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('flagged by hand or by rule; in scope only; ledger as of dates; audited', async ({
    client,
    assert,
  }) => {
    await businessDate.set('2026-03-10')
    const book = await buildBook({ permissions: CODES })
    const { loans } = book.data['credit-assets'] as unknown as CreditBook
    const bj = book.people.branchManager.token
    const hq = book.people.headOfficeRisk.token

    const byHand = await client
      .post('/api/entrusted-assets/special')
      .bearerToken(bj)
      .json({ loanId: loans.substandard.loanId, category: 'key_project', reason: '市重点项目' })
    byHand.assertStatus(201)
    // Twice the same category: 422; a normal loan (no risk asset): 422; another branch's: 422.
    ;(
      await client
        .post('/api/entrusted-assets/special')
        .bearerToken(bj)
        .json({ loanId: loans.substandard.loanId, category: 'key_project', reason: 'x' })
    ).assertStatus(422)
    ;(
      await client
        .post('/api/entrusted-assets/special')
        .bearerToken(bj)
        .json({ loanId: loans.normal.loanId, category: 'key_project', reason: 'x' })
    ).assertStatus(422)
    ;(
      await client
        .post('/api/entrusted-assets/special')
        .bearerToken(bj)
        .json({ loanId: loans.loss.loanId, category: 'key_project', reason: 'x' })
    ).assertStatus(422)

    // A rule: every risk asset of at least 1 yuan is 大额资产 (the book's risk assets).
    await businessDate.set('2026-03-12')
    ;(
      await client
        .post('/api/entrusted-assets/rules')
        .bearerToken(hq)
        .json({ name: '大额', category: 'large_amount', minBalance: '1.00', status: 'enabled' })
    ).assertStatus(201)
    const applied = await client.post('/api/entrusted-assets/special-apply').bearerToken(bj)
    applied.assertStatus(200)
    assert.equal(applied.body().added, 2) // 次级 and 可疑 of branch 1; not branch 2's 损失
    // Applying again adds nothing (the service: an identical post would meet the repeat guard).
    const manager = await User.findOrFail(book.people.branchManager.id)
    const again = await applyRules(await UserAccess.load(manager))
    assert.equal(again.added, 0)

    const ledger = async (token: string, query = '') =>
      (await client.get(`/api/ledgers/special-assets/rows${query}`).bearerToken(token)).body().data
    assert.lengthOf(await ledger(bj), 3)
    assert.lengthOf(await ledger(bj, '?asOf=2026-03-10'), 1)
    assert.lengthOf(await ledger(book.people.otherBranchManager.token), 0)

    const list = await client.get('/api/entrusted-assets/special').bearerToken(bj)
    assert.lengthOf(list.body().data, 3)
    const id = byHand.body().id
    ;(await client.get(`/api/entrusted-assets/special/${id}`).bearerToken(bj)).assertStatus(200)
    ;(
      await client
        .get(`/api/entrusted-assets/special/${id}`)
        .bearerToken(book.people.otherBranchManager.token)
    ).assertStatus(404)

    // Unflagging keeps the history: gone live, still there as of the day before.
    await businessDate.set('2026-03-20')
    ;(
      await client
        .delete(`/api/entrusted-assets/special/${byHand.body().id}`)
        .bearerToken(book.people.otherBranchManager.token)
    ).assertStatus(404)
    ;(
      await client.delete(`/api/entrusted-assets/special/${byHand.body().id}`).bearerToken(bj)
    ).assertStatus(204)
    assert.lengthOf(await ledger(bj), 2)
    assert.lengthOf(await ledger(bj, '?asOf=2026-03-19'), 3)

    const actions = await db
      .from('audit_logs')
      .whereIn('entity_type', ['entrusted_special_asset', 'entrusted_special_rule'])
      .orderBy('id')
      .select('action')
    assert.deepEqual(
      actions.map((a) => a.action),
      [
        'entrusted.special.flag',
        'entrusted.rule.create',
        'entrusted.special.apply-rules',
        'entrusted.special.unflag',
      ]
    )
  })

  test('特定资产台账: the balance as of the as-of date, not today’s', async ({
    client,
    assert,
  }) => {
    await businessDate.set('2026-03-10')
    const book = await buildBook({ permissions: CODES })
    const { loans } = book.data['credit-assets'] as unknown as CreditBook
    const bj = book.people.branchManager.token
    const loanId = loans.substandard.loanId
    // A snapshot before the flag does not count for it.
    await setLoanBalance(loanId, '11111100')
    await snapshotBook('2026-03-05')
    await setLoanBalance(loanId, '99999900')
    ;(
      await client
        .post('/api/entrusted-assets/special')
        .bearerToken(bj)
        .json({ loanId, category: 'key_project', reason: '市重点项目' })
    ).assertStatus(201)
    await setLoanBalance(loanId, '80000000')
    await snapshotBook('2026-03-15')
    await setLoanBalance(loanId, '50000000')
    await snapshotBook('2026-03-25')
    await setLoanBalance(loanId, '30000000') // today's, no snapshot yet

    const row = async (query = '') => {
      const body = (
        await client.get(`/api/ledgers/special-assets/rows${query}`).bearerToken(bj)
      ).body()
      assert.lengthOf(body.data, 1)
      return [body.data[0].balance, body.data[0].currentBalance]
    }
    assert.deepEqual(await row(), ['999999.00', '300000.00'])
    // No snapshot between the flag and the date: the balance when flagged.
    assert.deepEqual(await row('?asOf=2026-03-12'), ['999999.00', '999999.00'])
    assert.deepEqual(await row('?asOf=2026-03-15'), ['999999.00', '800000.00'])
    assert.deepEqual(await row('?asOf=2026-03-20'), ['999999.00', '800000.00'])
    assert.deepEqual(await row('?asOf=2026-03-25'), ['999999.00', '500000.00'])
    const dates = (await client.get('/api/ledgers/special-assets').bearerToken(bj)).body().asOfDates
    assert.includeMembers(dates, ['2026-03-25', '2026-03-15', '2026-03-10'])
  })
})
