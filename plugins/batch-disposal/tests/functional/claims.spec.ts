import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import ExcelJS from 'exceljs'
import { tokenFor, userWith } from '#tests/helpers/auth'
import { API, ALL_CODES, approvedProject, itemsOf, newRegion, poolLoans } from '../helpers.js'

/*
| 不在其他进行中的处置申请中, across plugins (credit-assets' asset claims): a loan
| in an open 核销方案 stays out of a pool built by filter (counted, with its
| holder) or by list (the row names the 方案); a pooled loan cannot enter a
| 核销方案 (409 naming the project) until it leaves the pool.
*/
const WRITE_OFF = '/api/write-off'

async function xlsx(rows: string[]) {
  const wb = new ExcelJS.Workbook()
  const sheet = wb.addWorksheet('名单')
  sheet.addRow(['借据号'])
  for (const r of rows) sheet.addRow([r])
  return Buffer.from(await wb.xlsx.writeBuffer())
}

const planBody = (loanId: number, title: string) => ({
  kind: 'single',
  title,
  reasons: '追索 180 天以上仍无法收回。',
  items: [{ kind: 'loan', id: loanId, ruleCode: 'small_personal' }],
})

test.group('batch-disposal: loans held by other applications', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a 核销方案 loan is not pooled; a pooled loan cannot enter a 核销方案', async ({
    client,
    assert,
  }) => {
    const me = await userWith({
      permissions: [...ALL_CODES, 'write-off:plan:create', 'write-off:plan:list'],
      dataScope: 'org_and_below',
      orgCode: '000000',
    })
    const region = newRegion()
    const [held, pooled, free] = await poolLoans(region, 3)
    const plan = await client
      .post(`${WRITE_OFF}/plans`)
      .bearerToken(me.token)
      .json(planBody(held.loanId, '核销甲'))
    plan.assertStatus(201)

    const id = await approvedProject(client, me.token)
    const list = await client
      .post(`${API}/projects/${id}/pool/import`)
      .bearerToken(me.token)
      .file('file', await xlsx([free.loanNo, held.loanNo]), { filename: 'list.xlsx' })
    list.assertStatus(422)
    assert.deepEqual(
      list.body().rowErrors.map((e: any) => e.row),
      [3]
    )
    assert.include(list.body().rowErrors[0].message, '核销方案')

    const filtered = await client
      .post(`${API}/projects/${id}/pool/filter`)
      .bearerToken(me.token)
      .json({ regions: [region] })
    filtered.assertStatus(200)
    assert.equal(filtered.body().added, 2)
    assert.equal(filtered.body().excluded.inOtherDisposal, 1)
    assert.deepEqual(filtered.body().excluded.heldBy, [{ holder: 'write-off', loans: 1 }])

    const refused = await client
      .post(`${WRITE_OFF}/plans`)
      .bearerToken(me.token)
      .json(planBody(pooled.loanId, '核销乙'))
    refused.assertStatus(409)
    assert.include(refused.body().message, pooled.loanNo)
    assert.include(refused.body().message, '批量转让项目')

    const item = (await itemsOf(client, me.token, id)).find((i: any) => i.loanId === pooled.loanId)
    const removed = await client
      .post(`${API}/projects/${id}/pool/remove`)
      .bearerToken(me.token)
      .json({ itemIds: [item.id] })
    removed.assertStatus(200)
    const accepted = await client
      .post(`${WRITE_OFF}/plans`)
      .bearerToken(await tokenFor(me.user.username))
      .json(planBody(pooled.loanId, '核销乙'))
    accepted.assertStatus(201)
  }).timeout(120_000)
})
