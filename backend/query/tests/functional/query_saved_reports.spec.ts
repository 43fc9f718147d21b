import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import ExcelJS from 'exceljs'
import { unlink } from 'node:fs/promises'
import { exportPath } from '#core/audit/export_files'
import { queue } from '#core/queue/queue'
import { syncPlugins } from '#core/plugins/sync_enabled'
import { tokenFor, userWith } from '#tests/helpers/auth'
import { grantPermission, grantRole, makeRole } from '#tests/factories/identity'
import { q, riskBook } from './query_fixtures.js'

const DATA = 'credit-assets:risk-asset:list'
let calls = 0
const url = (path: string) => `${path}${path.includes('?') ? '&' : '?'}call=${++calls}`

function findMenu(nodes: any[], code: string): any {
  for (const n of nodes) {
    if (n.code === code) return n
    const below = findMenu(n.children ?? [], code)
    if (below) return below
  }
  return null
}

test.group('综合查询: saved queries, sharing, reports, export', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  const made: string[] = []
  group.teardown(async () => {
    for (const file of made) await unlink(file).catch(() => {})
  })

  test('a saved query is private until shared with a role; only its owner changes it', async ({
    client,
    assert,
  }) => {
    const { tag } = await riskBook()
    const owner = await userWith({ permissions: ['system:query:run', DATA] })
    const other = await userWith({ permissions: ['system:query:run', DATA] })
    const body = { name: '次级客户', visibility: 'private', query: q(tag) }
    const created = await client.post(url('/api/query/saved')).bearerToken(owner.token).json(body)
    created.assertStatus(201)
    const id = created.body().id
    assert.deepEqual(created.body().query.fields, q(tag).fields)
    ;(await client.get(`/api/query/saved/${id}`).bearerToken(other.token)).assertStatus(404)
    const list = await client.get('/api/query/saved').bearerToken(other.token)
    assert.notInclude(
      list.body().data.map((r: any) => r.id),
      id
    )

    // Sharing needs system:query:share, and a role the sharer belongs to.
    const team = await makeRole({ name: '清收一组' })
    await grantRole(owner, team)
    await grantRole(other, team)
    const teamId = team.id
    const share = { ...body, visibility: 'role', roleId: teamId }
    const refused = await client
      .put(url(`/api/query/saved/${id}`))
      .bearerToken(owner.token)
      .json(share)
    refused.assertStatus(403)
    await grantPermission(owner, 'system:query:share')
    const foreign = await client
      .put(url(`/api/query/saved/${id}`))
      .bearerToken(owner.token)
      .json({ ...share, roleId: other.roleId })
    foreign.assertStatus(422)
    assert.equal(foreign.body().errors[0].field, 'roleId')
    const options = await client.get('/api/query/share-roles').bearerToken(owner.token)
    assert.include(
      options.body().map((r: any) => r.id),
      teamId
    )
    ;(
      await client
        .put(url(`/api/query/saved/${id}`))
        .bearerToken(owner.token)
        .json(share)
    ).assertStatus(200)
    const seen = await client.get(`/api/query/saved/${id}`).bearerToken(other.token)
    seen.assertStatus(200)
    assert.isFalse(seen.body().mine)
    ;(
      await client
        .put(url(`/api/query/saved/${id}`))
        .bearerToken(other.token)
        .json(body)
    ).assertStatus(403)
    ;(await client.delete(url(`/api/query/saved/${id}`)).bearerToken(other.token)).assertStatus(403)
    ;(await client.delete(url(`/api/query/saved/${id}`)).bearerToken(owner.token)).assertStatus(204)

    const audited = await db
      .from('audit_logs')
      .whereIn('action', ['query.save', 'query.update', 'query.delete'])
      .where('entity_id', String(id))
    assert.lengthOf(audited, 3)
  })

  test('publishing a report puts it in the menu; viewers run it in their own scope', async ({
    client,
    assert,
  }) => {
    const { tag } = await riskBook()
    const publisher = await userWith({
      permissions: ['system:query:run', 'system:report:publish', DATA],
    })
    const layout = {
      columns: ['customerName', 'loanNo', 'balance'],
      headers: [
        { label: { zh: '客户与借据', en: 'Customer and loan' }, keys: ['customerName', 'loanNo'] },
      ],
      totals: true,
    }
    const publish = {
      title: { zh: '次级风险资产表', en: 'Substandard risk assets' },
      query: q(tag),
      layout,
    }
    const clerk = await userWith({ permissions: ['system:query:run', DATA] })
    ;(
      await client.post(url('/api/query/reports')).bearerToken(clerk.token).json(publish)
    ).assertStatus(403)

    const bad = await client
      .post(url('/api/query/reports'))
      .bearerToken(publisher.token)
      .json({ ...publish, layout: { ...layout, columns: ['customerName', 'rate'] } })
    bad.assertStatus(422)
    assert.equal(bad.body().errors[0].field, 'layout.columns.1')
    const gap = await client
      .post(url('/api/query/reports'))
      .bearerToken(publisher.token)
      .json({
        ...publish,
        layout: {
          ...layout,
          headers: [{ label: { zh: 'x', en: 'x' }, keys: ['customerName', 'balance'] }],
        },
      })
    gap.assertStatus(422)
    const notDir = await client
      .post(url('/api/query/reports'))
      .bearerToken(publisher.token)
      .json({ ...publish, parentMenuCode: 'system:query' })
    notDir.assertStatus(422)

    const created = await client
      .post(url('/api/query/reports'))
      .bearerToken(publisher.token)
      .json(publish)
    created.assertStatus(201)
    const { id, menuCode, path } = created.body()
    assert.equal(path, `/query/reports/${id}`)
    const row = await db.from('menus').where('code', menuCode).firstOrFail()
    assert.containsSubset(row, {
      source: 'admin',
      type: 'page',
      page_key: 'query/ReportPage',
      permission: 'system:report:view',
      parent_code: 'system:analysis',
    })
    // The plugin sync leaves administrators' rows alone.
    await syncPlugins()
    assert.isNotNull(await db.from('menus').where('code', menuCode).first())

    // A branch viewer sees the menu entry and only their subtree's rows.
    const viewer = await userWith({
      permissions: ['system:report:view', DATA],
      dataScope: 'org_and_below',
      orgCode: '110000',
    })
    const me = await client.get('/api/me').bearerToken(viewer.token)
    const entry = findMenu(me.body().menus, menuCode)
    assert.equal(entry.path, path)
    assert.equal(entry.page, 'query/ReportPage')
    const shown = await client.get(`/api/query/reports/${id}`).bearerToken(viewer.token)
    shown.assertStatus(200)
    assert.deepEqual(shown.body().layout, layout)
    const ran = await client
      .post(url(`/api/query/reports/${id}/run`))
      .bearerToken(viewer.token)
      .json({})
    ran.assertStatus(200)
    assert.equal(ran.body().meta.total, 2)
    // Without the dataset's permission the report cannot run.
    const blind = await userWith({ permissions: ['system:report:view'] })
    ;(
      await client
        .post(url(`/api/query/reports/${id}/run`))
        .bearerToken(blind.token)
        .json({})
    ).assertStatus(422)

    ;(
      await client.delete(url(`/api/query/reports/${id}`)).bearerToken(publisher.token)
    ).assertStatus(204)
    assert.isNull(await db.from('menus').where('code', menuCode).first())
    ;(await client.get(`/api/query/reports/${id}`).bearerToken(viewer.token)).assertStatus(404)
    const actions = await db
      .from('audit_logs')
      .whereIn('action', ['report.publish', 'report.withdraw'])
      .where('entity_id', String(id))
    assert.lengthOf(actions, 2)
  })

  test('export: a queued xlsx with totals, downloadable only by who started it', async ({
    client,
    assert,
  }) => {
    const { tag } = await riskBook()
    const exporter = await userWith({
      permissions: ['system:query:run', 'system:query:export', DATA],
    })
    const runner = await userWith({ permissions: ['system:query:run', DATA] })
    ;(
      await client
        .post(url('/api/query/export'))
        .bearerToken(runner.token)
        .json({ query: q(tag) })
    ).assertStatus(403)
    const bad = await client
      .post(url('/api/query/export'))
      .bearerToken(exporter.token)
      .json({ query: q(tag, { fields: ['nope'] }) })
    bad.assertStatus(422)

    const started = await client
      .post(url('/api/query/export'))
      .bearerToken(exporter.token)
      .json({ query: q(tag) })
    started.assertStatus(202)
    const { jobId } = started.body()
    await queue.drain()
    const job = await client.get(`/api/jobs/${jobId}`).bearerToken(exporter.token)
    assert.equal(job.body().status, 'completed', job.body().error)
    const { token, rows } = job.body().result
    assert.equal(rows, 3)
    made.push(exportPath(token))

    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(exportPath(token))
    const values: unknown[][] = []
    workbook.worksheets[0].eachRow((r) => values.push((r.values as unknown[]).slice(1)))
    const header = values.findIndex((r) => r[0] === '借据号')
    assert.isAbove(header, -1)
    assert.deepEqual(values[header], ['借据号', '客户名称', '贷款余额', '五级分类'])
    // Dictionary codes as labels, amounts as numbers, a 合计 row last.
    assert.equal(values[header + 1][3], '次级')
    assert.equal(values[header + 3][2], 1)
    assert.equal(values[values.length - 1][0], '合计')

    const download = (token2: string, who: string) =>
      client.get(`/api/exports/${jobId}/download`).bearerToken(who).qs({ token: token2 })
    ;(await download(token, exporter.token)).assertStatus(200)
    const admin = await tokenFor('admin')
    ;(await download(token, admin)).assertStatus(404)
    ;(await download('0'.repeat(64), exporter.token)).assertStatus(404)
  })
})
