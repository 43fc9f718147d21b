import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { changeSettingValue } from '#core/settings/update_setting'
import { refreshDemoGrants } from '#core/demo/demo_bank'
import { tokenFor } from '#tests/helpers/auth'
import { itemFor } from '../../../committee/services/committee_api.js'
import { committeeDecided } from '../../receipts/committee.js'
import {
  API,
  approvedReceipt,
  body,
  draft,
  maker,
  otherBranch,
  securedLoan,
  useFakedSystems,
} from '../helpers.js'

/*
| The rules around a receipt: 422 on bad input (field messages, unknown fields,
| impossible dates, more than owed), data scope (another branch: 404 on every
| by-id route and a loan outside the scope), 批量发起 and 批量审批, and the
| committee where the amount says. Core banking and 押品管理 are faked in
| process here (the simulator's behaviour is the flow spec's subject).
*/
test.group('foreclosure: rules, scope, batches, committee', (group) => {
  useFakedSystems(group)

  test('422: malformed amounts, unknown fields, impossible dates, more than owed', async ({
    client,
    assert,
  }) => {
    const me = await maker()
    const loan = await securedLoan()
    const post = async (extra: Record<string, unknown>) =>
      client
        .post(`${API}/receipts`)
        .bearerToken(me.token)
        .header('accept-language', 'zh-CN')
        .json(await body(loan, extra))
    const bad = await post({ agreedValue: '1.234', way: 'gift' })
    bad.assertStatus(422)
    const fields = bad.body().errors.map((e: any) => e.field)
    assert.includeMembers(fields, ['agreedValue', 'way'])
    assert.match(bad.body().errors[0].message, /[\u4e00-\u9fa5]/)
    ;(await post({ acquiredOn: '2026-02-30' })).assertStatus(422)
    ;(await post({ hacked: true })).assertStatus(422)
    ;(await post({ acquiredOn: '2099-01-01' })).assertStatus(422)
    const more = await post({ agreedValue: '201692.36' })
    more.assertStatus(422)
    assert.include(more.body().message, '超过所抵债务合计 201692.35')
    // Nothing was saved by any of them.
    const saved = await db.from('foreclosure_loans').where('loan_id', loan.loanId)
    assert.lengthOf(saved, 0)
    // One open receipt per loan: a second asset waits until the first is booked.
    ;(await post({})).assertStatus(201)
    const second = await post({ source: 'other_asset', collateralRef: null })
    second.assertStatus(409)
  })

  test('scope: another branch gets 404 on the list and every by-id route', async ({
    client,
    assert,
  }) => {
    const me = await maker()
    const loan = await securedLoan()
    const id = await approvedReceipt(client, me.token, await body(loan))
    const other = await otherBranch()
    const list = await client.get(`${API}/receipts`).bearerToken(other.token)
    list.assertStatus(200)
    assert.isFalse(list.body().data.some((r: any) => r.id === id))
    for (const [method, path] of [
      ['get', `/receipts/${id}`],
      ['get', `/receipts/${id}/postings`],
      ['get', `/receipts/${id}/archive`],
      ['get', `/receipts/${id}/notice/pdf`],
      ['post', `/receipts/${id}/post`],
      ['post', `/receipts/${id}/submit`],
    ] as const)
      (await (client as any)[method](`${API}${path}`).bearerToken(other.token)).assertStatus(404)
    ;(
      await client
        .get(`${API}/collaterals`)
        .qs({ loanIds: String(loan.loanId) })
        .bearerToken(other.token)
    ).assertStatus(404)
    ;(
      await client
        .post(`${API}/receipts`)
        .bearerToken(other.token)
        .json(await body(loan))
    ).assertStatus(404)
    // Still approved: nothing happened.
    const row = await db.from('foreclosure_receipts').where('id', id).first()
    assert.equal(row.status, 'approved')
  })

  test('修改草稿: the maker saves a draft again, recomputed to the fen; submitted = 409', async ({
    client,
    assert,
  }) => {
    const me = await maker()
    const loan = await securedLoan()
    const { id } = await draft(client, me.token, await body(loan))
    const put = (token: string, extra: Record<string, unknown>) =>
      client
        .put(`${API}/receipts/${id}`)
        .bearerToken(token)
        .header('accept-language', 'zh-CN')
        .json({ ...extra })
    const edited = await put(
      me.token,
      await body(loan, {
        agreedValue: '150000.00',
        taxesAndFees: '1000.01',
        assetName: '朝阳区某路1号商铺（含车位）',
        way: 'agreement',
      })
    )
    assert.equal(edited.status(), 200, edited.text())
    assert.equal(edited.body().status, 'draft')
    assert.equal(edited.body().assetName, '朝阳区某路1号商铺（含车位）')
    assert.equal(edited.body().bookValue, '151000.01')
    assert.equal(edited.body().shortfall, '51692.35')
    assert.equal(edited.body().loans[0].settled.principal, '150000.00')
    assert.equal(edited.body().loans[0].shortfall.normal_interest, '1500.00')
    // The loans and their lock replaced, not doubled.
    assert.lengthOf(await db.from('foreclosure_loans').where('receipt_id', id), 1)
    assert.lengthOf(await db.from('foreclosure_locks').where('receipt_id', id), 1)
    const log = await db
      .from('audit_logs')
      .where('action', 'foreclosure.receipt.update')
      .where('entity_id', String(id))
      .first()
    assert.include(String(log.before_json), '201000.00')
    assert.include(String(log.after_json), '150000.00')

    // A 422 changes nothing; another clerk of the branch may not edit; another branch: 404.
    const tooMuch = await put(me.token, await body(loan, { agreedValue: '201692.36' }))
    tooMuch.assertStatus(422)
    const colleague = await maker()
    ;(await put(colleague.token, await body(loan, { reasons: '同事修改' }))).assertStatus(422)
    const other = await otherBranch()
    ;(await put(other.token, await body(loan, { reasons: '他行修改' }))).assertStatus(404)
    const still = await db.from('foreclosure_receipts').where('id', id).first()
    assert.equal(String(still.agreed_fen), '15000000')

    // Submitted: frozen.
    ;(await client.post(`${API}/receipts/${id}/submit`).bearerToken(me.token)).assertStatus(200)
    const late = await put(me.token, await body(loan, { reasons: '提交后修改' }))
    late.assertStatus(409)
    assert.include(late.body().message, '不能再修改')
    assert.equal(
      String((await db.from('foreclosure_receipts').where('id', id).first()).reasons),
      '拍卖两次流拍，法院裁定以物抵债。'
    )
  })

  test('批量发起 and 批量审批: each on its own, the second run refused per receipt', async ({
    client,
    assert,
  }) => {
    const me = await maker()
    const ids: number[] = []
    for (let i = 0; i < 3; i++) {
      const loan = await securedLoan()
      ids.push((await draft(client, me.token, await body(loan, { way: 'agreement' }))).id)
    }
    const submitted = await client
      .post(`${API}/receipts/batch-submit`)
      .bearerToken(me.token)
      .json({ ids })
    submitted.assertStatus(200)
    assert.isTrue(submitted.body().data.every((r: any) => r.ok))
    const again = await client
      .post(`${API}/receipts/batch-submit`)
      .bearerToken(me.token)
      .json({ ids: [ids[0]] })
    assert.isFalse(again.body().data[0].ok)

    // The maker holds no approval task: refused per receipt, nothing moves.
    const mine = await client
      .post(`${API}/receipts/batch-approve`)
      .bearerToken(me.token)
      .json({ ids, comment: '同意' })
    mine.assertStatus(200)
    assert.isTrue(mine.body().data.every((r: any) => !r.ok && r.message))

    // The demo's 分行资产经理 holds *:update (批量审批) as a fresh start grants it.
    await refreshDemoGrants()
    const approver = await tokenFor('bj_asset')
    const approved = await client
      .post(`${API}/receipts/batch-approve`)
      .bearerToken(approver)
      .json({ ids, comment: '同意批量抵债' })
    assert.equal(approved.status(), 200, approved.text())
    assert.deepEqual(
      approved.body().data.map((r: any) => r.ok),
      [true, true, true]
    )
    const rows = await db.from('foreclosure_receipts').whereIn('id', ids)
    assert.isTrue(rows.every((r: any) => r.status === 'approved'))
    assert.lengthOf(
      await db
        .from('audit_logs')
        .where('action', 'foreclosure.receipt.approve')
        .whereIn('entity_id', ids.map(String)),
      3
    )
    ;(
      await client.post(`${API}/receipts/batch-approve`).bearerToken(approver).json({ ids: [] })
    ).assertStatus(422)
  })

  test('the committee where the amount says: at the threshold 待上会, below 已批准', async ({
    client,
    assert,
  }) => {
    const me = await maker()
    await changeSettingValue('foreclosure.committeeThreshold', '201000.00', null)
    const at = await approvedReceipt(client, me.token, await body(await securedLoan()))
    const held = await client.get(`${API}/receipts/${at}`).bearerToken(me.token)
    assert.equal(held.body().status, 'committee')
    const item = await itemFor({ plugin: 'foreclosure', kind: 'receipt', id: at })
    assert.equal(item?.kind, 'foreclosure:receipt')
    assert.equal(item?.amount, '201000.00')
    ;(await client.post(`${API}/receipts/${at}/post`).bearerToken(me.token)).assertStatus(409)
    // The committee's decision comes back through the registered kind: 复议 stays, 通过 → 已批准.
    const decide = (decision: string) =>
      db.transaction((trx) =>
        committeeDecided({
          trx,
          item: { ...item, recordRef: { plugin: 'foreclosure', kind: 'receipt', id: at } },
          decision,
          resolutionNo: '总资委决〔2026〕1号',
          meeting: { id: 1, meetingNo: 'M1', type: 'regular', date: '2026-12-07' },
          result: {},
          actorId: me.user.id,
        } as any)
      )
    await decide('reconsider')
    assert.equal(
      (await db.from('foreclosure_receipts').where('id', at).first()).status,
      'committee'
    )
    await decide('passed')
    const passed = await db.from('foreclosure_receipts').where('id', at).first()
    assert.equal(passed.status, 'approved')
    assert.equal(passed.committee_result, 'passed')

    await changeSettingValue('foreclosure.committeeThreshold', '201000.01', null)
    const below = await approvedReceipt(client, me.token, await body(await securedLoan()))
    const free = await client.get(`${API}/receipts/${below}`).bearerToken(me.token)
    assert.equal(free.body().status, 'approved')
    assert.isNull(await itemFor({ plugin: 'foreclosure', kind: 'receipt', id: below }))
  })
})
