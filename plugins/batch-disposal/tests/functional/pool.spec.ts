import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import ExcelJS from 'exceljs'
import { userWith } from '#tests/helpers/auth'
import { assetClaims } from '../../../credit-assets/services/asset_claims.js'
import { addGuarantee } from '../../../credit-assets/fixtures/book_fixture.js'
import {
  API,
  ALL_CODES,
  approvedProject,
  headOffice,
  itemsOf,
  newRegion,
  poolLoan,
  poolLoans,
  projectBody,
} from '../helpers.js'

/*
| 转让立项 and 组建资产池: approval first; the filter adds every eligible loan in
| one set-based step and says why the others are out (personal loans under
| 批量转让, a loan in another active project); the xlsx list is all or nothing
| with row errors; the pool's totals; a branch sees only its own loans and
| numbers in a head-office pool; every write audited.
*/
async function xlsx(rows: string[]) {
  const wb = new ExcelJS.Workbook()
  const sheet = wb.addWorksheet('名单')
  sheet.addRow(['借据号', '备注'])
  for (const r of rows) sheet.addRow([r, 'x'])
  return Buffer.from(await wb.xlsx.writeBuffer())
}

test.group('batch-disposal: 立项 and 资产池', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('立项 needs approval; unknown fields and bad dates are 422', async ({ client, assert }) => {
    const me = await headOffice()
    const bad = await client
      .post(`${API}/projects`)
      .bearerToken(me.token)
      .json({ ...projectBody(), extra: 1 })
    bad.assertStatus(422)
    const dates = await client
      .post(`${API}/projects`)
      .bearerToken(me.token)
      .json(projectBody({ plannedEnd: '2026-02-30' }))
    dates.assertStatus(422)
    assert.equal(dates.body().errors[0].field, 'plannedEnd')
    const created = await client.post(`${API}/projects`).bearerToken(me.token).json(projectBody())
    created.assertStatus(201)
    assert.match(created.body().projectNo, /^PLZR\d{8}\d{6}$/)
    const id = created.body().id
    const early = await client
      .post(`${API}/projects/${id}/pool/filter`)
      .bearerToken(me.token)
      .json({ regions: ['nowhere'] })
    early.assertStatus(409)
    const audit = await db
      .from('audit_logs')
      .where('action', 'batch-disposal.project.create')
      .where('entity_id', String(id))
      .first()
    assert.exists(audit)
  }).timeout(120_000)

  test('filter: eligible loans added set-based; personal and otherwise-disposed loans excluded', async ({
    client,
    assert,
  }) => {
    const me = await headOffice()
    const region = newRegion()
    const loans = await poolLoans(region, 4)
    const personal = await poolLoan(region)
    await db
      .from('ca_customers')
      .where('id', personal.customerId)
      .update({ customer_type: 'individual' })
    const settled = await poolLoan(region)
    await db.from('ca_loans').where('id', settled.loanId).update({ status: 'settled' })
    const taken = await poolLoan(region)
    // 担保结构 is the strongest guarantee: 抵押 > 质押 > 保证 > 信用 (none).
    const guarantees: Array<[{ loanId: number }, 'guaranty' | 'mortgage' | 'pledge']> = [
      [loans[0], 'guaranty'],
      [loans[0], 'mortgage'],
      [loans[1], 'guaranty'],
      [loans[1], 'pledge'],
      [loans[2], 'guaranty'],
    ]
    for (const [loan, type] of guarantees)
      await addGuarantee(loan.loanId, type, '某担保人', '100000')

    const other = await approvedProject(client, me.token, { name: '另一项目' })
    const buffer = await xlsx([taken.loanNo])
    const imported = await client
      .post(`${API}/projects/${other}/pool/import`)
      .bearerToken(me.token)
      .file('file', buffer, { filename: 'list.xlsx' })
    imported.assertStatus(200)
    assert.equal(imported.body().added, 1)

    const id = await approvedProject(client, me.token)
    const res = await client
      .post(`${API}/projects/${id}/pool/filter`)
      .bearerToken(me.token)
      .json({ regions: [region], fiveClasses: ['doubtful'] })
    res.assertStatus(200)
    assert.equal(res.body().matched, 7)
    assert.equal(res.body().added, 4)
    assert.deepEqual(res.body().excluded, {
      notInBook: 1,
      inOtherDisposal: 1,
      heldBy: [{ holder: 'batch-disposal', loans: 1 }],
      personal: 1,
    })
    const items = await itemsOf(client, me.token, id)
    assert.sameMembers(
      items.map((i: any) => i.loanId),
      loans.map((l) => l.loanId)
    )
    // Run again: nothing more, nothing twice.
    const again = await client
      .post(`${API}/projects/${id}/pool/filter`)
      .bearerToken(await (await import('#tests/helpers/auth')).tokenFor(me.user.username))
      .json({ regions: [region], fiveClasses: ['doubtful'] })
    assert.equal(again.body().added, 0)

    const summary = await client.get(`${API}/projects/${id}/summary`).bearerToken(me.token)
    assert.equal(summary.body().loans, 4)
    assert.equal(summary.body().households, 4)
    assert.equal(summary.body().principal, '400000.00')
    assert.equal(summary.body().interest, '4000.00')
    assert.deepEqual(
      summary.body().byFiveClass.map((b: any) => [b.key, b.loans]),
      [['doubtful', 4]]
    )
    assert.deepEqual(
      summary.body().byGuarantee.map((b: any) => [b.key, b.loans]),
      [
        ['credit', 1],
        ['guaranty', 1],
        ['mortgage', 1],
        ['pledge', 1],
      ]
    )

    // With the rule off (the 2021 pilot), the personal loan is eligible.
    const rule = await client
      .put(`${API}/rules/exclude_personal`)
      .bearerToken(me.token)
      .json({ value: 'true', enabled: false })
    rule.assertStatus(200)
    const third = await client
      .post(`${API}/projects/${id}/pool/filter`)
      .bearerToken(me.token)
      .json({ regions: [region] })
    assert.equal(third.body().added, 1)
    assert.exists(await db.from('audit_logs').where('action', 'batch-disposal.rule.update').first())
    assert.exists(
      await db
        .from('audit_logs')
        .where('action', 'batch-disposal.pool.filter')
        .where('entity_id', String(id))
        .first()
    )
  }).timeout(120_000)

  test('import: row errors reported, nothing half-imported; then the good list', async ({
    client,
    assert,
  }) => {
    const me = await headOffice()
    const region = newRegion()
    const [a, b, c] = await poolLoans(region, 3)
    const closed = await poolLoan(region)
    await db.from('ca_loans').where('id', closed.loanId).update({ status: 'written_off' })
    const id = await approvedProject(client, me.token)
    const bad = await client
      .post(`${API}/projects/${id}/pool/import`)
      .bearerToken(me.token)
      .file('file', await xlsx([a.loanNo, '', b.loanNo, a.loanNo, 'NO-SUCH-LOAN', closed.loanNo]), {
        filename: 'list.xlsx',
      })
    bad.assertStatus(422)
    const errors = bad.body().rowErrors
    assert.deepEqual(
      errors.map((e: any) => e.row),
      [3, 5, 6, 7]
    )
    assert.include(errors[1].message, '重复')
    assert.include(errors[2].message, '不存在')
    assert.include(errors[3].message, '核销')
    assert.lengthOf(await itemsOf(client, me.token, id), 0)
    assert.equal((await assetClaims.holders([a.loanId])).size, 0)

    const notXlsx = await client
      .post(`${API}/projects/${id}/pool/import`)
      .bearerToken(me.token)
      .file('file', Buffer.from('loan_no\nX'), { filename: 'list.xlsx' })
    notXlsx.assertStatus(422)

    const good = await client
      .post(`${API}/projects/${id}/pool/import`)
      .bearerToken(me.token)
      .file('file', await xlsx([a.loanNo, b.loanNo, c.loanNo]), { filename: 'list.xlsx' })
    good.assertStatus(200)
    assert.deepEqual(good.body(), { rows: 3, added: 3 })
    const again = await client
      .post(`${API}/projects/${id}/pool/import`)
      .bearerToken(me.token)
      .file('file', await xlsx([a.loanNo]), { filename: 'again.xlsx' })
    again.assertStatus(422)
    assert.include(again.body().rowErrors[0].message, '本资产池')
    const template = await client.get(`${API}/pool/template`).bearerToken(me.token)
    template.assertStatus(200)
  }).timeout(120_000)

  test('scope: a branch sees its own loans of a head-office pool, and only their numbers', async ({
    client,
    assert,
  }) => {
    const me = await headOffice()
    const region = newRegion()
    await poolLoans(region, 2, { orgCode: '110101' })
    await poolLoans(region, 3, { orgCode: '310101' })
    const id = await approvedProject(client, me.token)
    await client
      .post(`${API}/projects/${id}/pool/filter`)
      .bearerToken(me.token)
      .json({ regions: [region] })

    const beijing = await userWith({
      permissions: ALL_CODES,
      dataScope: 'org_and_below',
      orgCode: '110000',
    })
    const seen = await client.get(`${API}/projects/${id}`).bearerToken(beijing.token)
    seen.assertStatus(200)
    assert.equal(seen.body().summary.loans, 2)
    assert.equal(seen.body().summary.principal, '200000.00')
    assert.isFalse(seen.body().mine)
    assert.lengthOf(await itemsOf(client, beijing.token, id), 2)
    // Seeing is not owning: the pool is the head office's to change.
    ;(
      await client
        .post(`${API}/projects/${id}/pool/filter`)
        .bearerToken(beijing.token)
        .json({ regions: [region] })
    ).assertStatus(404)

    // A package of the whole pool: the branch reads its own two loans' figures only.
    const pkg = await client.post(`${API}/projects/${id}/packages`).bearerToken(me.token).json({
      name: '全部',
      allUnpacked: true,
      valuation: '100000.00',
      reservePrice: '90000.00',
      method: 'bidding',
      allocation: 'principal',
    })
    pkg.assertStatus(201)
    const theirs = await client.get(`${API}/packages/${pkg.body().id}`).bearerToken(beijing.token)
    theirs.assertStatus(200)
    assert.equal(theirs.body().loans, 2)
    assert.equal(theirs.body().principal, '200000.00')
    const ours = await client.get(`${API}/packages/${pkg.body().id}`).bearerToken(me.token)
    assert.equal(ours.body().loans, 5)
    ;(
      await client.get(`${API}/packages/${pkg.body().id}/postings`).bearerToken(beijing.token)
    ).assertStatus(404)

    const guangzhou = await userWith({
      permissions: ALL_CODES,
      dataScope: 'org_and_below',
      orgCode: '440100',
    })
    ;(await client.get(`${API}/projects/${id}`).bearerToken(guangzhou.token)).assertStatus(404)
    ;(await client.get(`${API}/projects/${id}/summary`).bearerToken(guangzhou.token)).assertStatus(
      404
    )
    const list = await client.get(`${API}/projects`).bearerToken(guangzhou.token)
    assert.isFalse(list.body().data.some((p: any) => p.id === id))
  }).timeout(120_000)
})
