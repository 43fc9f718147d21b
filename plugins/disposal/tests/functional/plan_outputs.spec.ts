import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import ExcelJS from 'exceljs'
import { unlink } from 'node:fs/promises'
import { writeFileSync } from 'node:fs'
import { exportPath } from '#core/audit/export_files'
import { queue } from '#core/queue/queue'
import { userWith } from '#tests/helpers/auth'
import type { Simulator } from '../../../bank-systems/simulator/harness.js'
import {
  pointSystemsAt,
  resetBreakers,
  startTestSimulator,
} from '../../../bank-systems/simulator/harness.js'
import { generatedBook as smallBook } from '../../../credit-assets/fixtures/book_fixture.js'
import { PLAN_API, planBody, planBook } from '../plan_helpers.js'

/*
| What a plan feeds: the xlsx export (queued, data-scoped), the home-page
| widget (scoped), and the 动态司法流程报告
| (JSON and PDF; 智能预警 down leaves its part marked unavailable).
*/
test.group('disposal: plan export, widget, judicial report', (group) => {
  let sim: Simulator
  const made: string[] = []
  group.setup(async () => {
    sim = await startTestSimulator()
    return async () => {
      await sim.stop()
      for (const file of made) await unlink(file).catch(() => {})
    }
  })
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    sim.reset()
    await pointSystemsAt(sim)
    return async () => {
      await rollback()
      resetBreakers()
    }
  })

  async function draftPlan(client: any) {
    await smallBook()
    const { customer, loanIds, applicant, people } = await planBook()
    const created = await client
      .post(`${PLAN_API}/plans`)
      .bearerToken(applicant.token)
      .json(planBody(customer.id, loanIds))
    created.assertStatus(201)
    return { plan: created.body(), applicant, customer, people }
  }

  test('the xlsx export holds the filtered plans in scope, money as numbers', async ({
    client,
    assert,
  }) => {
    const { plan, applicant } = await draftPlan(client)
    const started = await client
      .post(`${PLAN_API}/plans-export`)
      .bearerToken(applicant.token)
      .json({ keyword: plan.planNo })
    started.assertStatus(202)
    await queue.drain()
    const job = await client.get(`/api/jobs/${started.body().jobId}`).bearerToken(applicant.token)
    assert.equal(job.body().status, 'completed', job.body().error)
    const { token, rows, fileName } = job.body().result
    made.push(exportPath(token))
    assert.equal(rows, 1)
    assert.match(fileName, /^处置预案_\d{8}_\d{6}\.xlsx$/)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(exportPath(token))
    const values: unknown[][] = []
    workbook.worksheets[0].eachRow((row) => values.push((row.values as unknown[]).slice(1)))
    const header = values.findIndex((r) => r[0] === '预案编号')
    const row = values[header + 1]
    assert.equal(row[0], plan.planNo)
    assert.equal(row[4], '诉讼')
    assert.equal(row[5], Number(plan.principal))
    assert.equal(row[7], 880000.5)

    // Another branch's export of everything holds none of it.
    const shanghai = await userWith({
      permissions: ['disposal:plan:list', 'disposal:plan:export'],
      dataScope: 'org_and_below',
      orgCode: '310000',
    })
    const theirs = await client
      .post(`${PLAN_API}/plans-export`)
      .bearerToken(shanghai.token)
      .json({})
    await queue.drain()
    const other = await client.get(`/api/jobs/${theirs.body().jobId}`).bearerToken(shanghai.token)
    made.push(exportPath(other.body().result.token))
    assert.equal(other.body().result.rows, 0)
  }).timeout(60_000)

  test('the 处置预案分布 widget shows the plan to its branch only', async ({ client, assert }) => {
    const { plan, people } = await draftPlan(client)
    // The plan's branch (the book's 第一分行 manager) and another branch's user.
    const beijing = people.branch
    const shanghai = await userWith({
      permissions: ['disposal:plan:list'],
      dataScope: 'org_and_below',
      orgCode: '310000',
    })
    const widget = await client
      .get('/api/dashboard/widgets/disposal:plans-by-status/data')
      .bearerToken(beijing.token)
    widget.assertStatus(200)
    const cell = widget
      .body()
      .cells.find((c: any) => c.method === 'litigation' && c.status === 'draft')
    assert.equal(cell?.plans, 1)
    assert.equal(cell?.principal, plan.principal)
    assert.include(
      widget.body().methods.map((m: any) => m.code),
      'debt_for_asset'
    )
    const empty = await client
      .get('/api/dashboard/widgets/disposal:plans-by-status/data')
      .bearerToken(shanghai.token)
    assert.deepEqual(empty.body().cells, [])
  }).timeout(60_000)

  test('动态司法流程报告: timeline and limitation dates, PDF; 智能预警 down is marked', async ({
    client,
    assert,
  }) => {
    await smallBook()
    const { customer, people } = await planBook()
    const reader = people.branch
    const report = await client
      .get(`${PLAN_API}/judicial-report/${customer.id}`)
      .bearerToken(reader.token)
    report.assertStatus(200)
    const body = report.body()
    assert.equal(body.customer.customerNo, customer.customerNo)
    assert.equal(body.litigation.status, 'ok')
    assert.isAbove(body.loans.length, 0)
    assert.isTrue(body.loans[0].periods.some((p: any) => p.ruleName.includes('诉讼时效')))
    assert.isArray(body.deadlines)

    const pdf = await client
      .get(`${PLAN_API}/judicial-report/${customer.id}/pdf`)
      .bearerToken(reader.token)
    pdf.assertStatus(200)
    assert.equal((pdf.body() as Buffer).subarray(0, 5).toString('latin1'), '%PDF-')
    if (process.env.PLAN_PDF_OUT) {
      // Looking at the document: its HTML, for a screenshot.
      const { renderDocumentHtml } = await import('#core/documents/templates')
      const { html } = await renderDocumentHtml({
        plugin: 'disposal',
        template: 'judicial-report',
        data: { ...body, printedBy: '测试', printedAt: body.asOf },
      })
      writeFileSync(`${process.env.PLAN_PDF_OUT}.report.html`, html)
    }

    sim.setFaults({ system: 'warning', errorRate: 1 })
    const down = await client
      .get(`${PLAN_API}/judicial-report/${customer.id}`)
      .bearerToken(reader.token)
    down.assertStatus(200)
    assert.equal(down.body().litigation.status, 'unavailable')
    assert.include(down.body().litigation.message, '智能预警')

    const shanghai = await userWith({
      permissions: ['disposal:judicial-report:list'],
      dataScope: 'org_and_below',
      orgCode: '310000',
    })
    ;(
      await client.get(`${PLAN_API}/judicial-report/${customer.id}`).bearerToken(shanghai.token)
    ).assertStatus(404)
  }).timeout(60_000)
})
