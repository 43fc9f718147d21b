import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { tokenFor, userWith } from '#tests/helpers/auth'
import { buildBook } from '#tests/fixtures/book'

const base = '/api/archives/archives'

test.group('archives: archives', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('creates, lists, shows, updates and deletes a archive', async ({ client, assert }) => {
    const token = await tokenFor('admin')

    const created = await client
      .post(base)
      .bearerToken(token)
      .json({ title: '第一条', amount: '1234.56', status: 'draft' })
    created.assertStatus(201)
    const id = created.body().id
    assert.equal(created.body().amount, '1234.56')

    const list = await client.get(base).bearerToken(token).qs({ keyword: '第一' })
    list.assertStatus(200)
    assert.equal(list.body().meta.total, 1)

    const updated = await client
      .put(`${base}/${id}`)
      .bearerToken(token)
      .json({ amount: '0.10', status: 'active' })
    updated.assertStatus(200)
    assert.equal(updated.body().amount, '0.10')

    const shown = await client.get(`${base}/${id}`).bearerToken(token)
    assert.equal(shown.body().status, 'active')

    ;(await client.delete(`${base}/${id}`).bearerToken(token)).assertStatus(204)
    ;(await client.get(`${base}/${id}`).bearerToken(token)).assertStatus(404)
  })

  test("refuses bad input with field messages in the user's language", async ({
    client,
    assert,
  }) => {
    const token = await tokenFor('admin')
    const response = await client
      .post(base)
      .bearerToken(token)
      .header('accept-language', 'zh-CN')
      .json({ title: '', amount: '1.234', status: 'nope' })
    response.assertStatus(422)
    const fields = response
      .body()
      .errors.map((e: { field: string }) => e.field)
      .sort()
    assert.deepEqual(fields, ['amount', 'status', 'title'])
  })

  test('needs the permission code for each action', async ({ client }) => {
    const reader = await userWith({ permissions: ['archives:archive:list'] })
    ;(await client.get(base).bearerToken(reader.token)).assertStatus(200)
    ;(
      await client
        .post(base)
        .bearerToken(reader.token)
        .json({ title: 'x', amount: '1', status: 'draft' })
    ).assertStatus(403)
    ;(await client.get(base)).assertStatus(401)
  })

  test("hides another org's archives, by list and by id", async ({ client, assert }) => {
    const owner = await userWith({
      permissions: ['archives:archive:list', 'archives:archive:create'],
      dataScope: 'org',
      orgCode: '110101',
    })
    const other = await userWith({
      permissions: ['archives:archive:list', 'archives:archive:update'],
      dataScope: 'org',
      orgCode: '310101',
    })
    const created = await client
      .post(base)
      .bearerToken(owner.token)
      .json({ title: '朝阳支行', amount: '5', status: 'draft' })
    created.assertStatus(201)

    const list = await client.get(base).bearerToken(other.token)
    assert.equal(list.body().meta.total, 0)
    ;(await client.get(`${base}/${created.body().id}`).bearerToken(other.token)).assertStatus(404)
    ;(
      await client.put(`${base}/${created.body().id}`).bearerToken(other.token).json({ title: 'x' })
    ).assertStatus(404)
  })

  test('audits every write, statuses come from the dictionary', async ({ client, assert }) => {
    const token = await tokenFor('admin')
    const created = await client
      .post(base)
      .bearerToken(token)
      .json({ title: '审计', amount: '1.00', status: 'draft' })
    created.assertStatus(201)
    const row = await db
      .from('audit_logs')
      .where({ action: 'archives.archive.create', entity_id: String(created.body().id) })
      .first()
    assert.exists(row)

    // An administrator disables 草稿 in 数据字典: it is no longer accepted.
    await db
      .from('dict_items')
      .where({ type_code: 'archives_status', code: 'draft' })
      .update({ enabled: false })
    const { dictionariesCache } = await import('#core/cache/dictionaries_cache')
    dictionariesCache.invalidate()
    const refused = await client
      .post(base)
      .bearerToken(token)
      .json({ title: 'x', amount: '1', status: 'draft' })
    refused.assertStatus(422)
    dictionariesCache.invalidate()
  })

  test('the shared test book: a 仅本人 manager sees only their own archives', async ({
    client,
    assert,
  }) => {
    const book = await buildBook({
      permissions: ['archives:archive:list', 'archives:archive:create'],
    })
    const { accountManagerA, accountManagerB } = book.people
    ;(
      await client
        .post(base)
        .bearerToken(accountManagerA.token)
        .json({ title: '甲', amount: '1', status: 'active' })
    ).assertStatus(201)
    assert.equal((await client.get(base).bearerToken(accountManagerA.token)).body().meta.total, 1)
    assert.equal((await client.get(base).bearerToken(accountManagerB.token)).body().meta.total, 0)
  })

  test('its page is in the menu, behind its permission', async ({ assert }) => {
    const menu = await db.from('menus').where('code', 'archives:archives').firstOrFail()
    assert.equal(menu.page_key, 'archives/ArchivePage')
    assert.equal(menu.permission, 'archives:archive:list')
  })

  test("reads the book through credit-assets' public service, in the user's scope", async ({
    client,
    assert,
  }) => {
    const book = await buildBook({ permissions: ['archives:archive:list'] })
    const credit = book.data['credit-assets'] as { loans: Record<string, { customerId: number }> }
    const response = await client
      .get('/api/archives/customer-options')
      .bearerToken(book.people.branchManager.token)
      .qs({ perPage: 200 })
    response.assertStatus(200)
    const ids = response.body().data.map((c: { id: number }) => c.id)
    assert.include(ids, credit.loans.normal.customerId)
    assert.notInclude(ids, credit.loans.loss.customerId, "branch 2's customer is out of scope")
  })

  test('prints a record with its document template, text escaped', async ({ client, assert }) => {
    const token = await tokenFor('admin')
    const created = await client
      .post(base)
      .bearerToken(token)
      .json({ title: '<b>粗体</b>', amount: '8.00', status: 'active' })
    const { renderDocumentHtml } = await import('#core/documents/pdf')
    const { html } = await renderDocumentHtml({
      plugin: 'archives',
      template: 'archive',
      data: created.body(),
    })
    assert.include(html, '&lt;b&gt;粗体&lt;/b&gt;')
    const pdf = await client.get(`${base}/${created.body().id}/pdf`).bearerToken(token)
    pdf.assertStatus(200)
    assert.equal(pdf.header('content-type'), 'application/pdf')
  }).timeout(60_000)

  test('its ledger lists and totals the rows, its widget counts them', async ({
    client,
    assert,
  }) => {
    const token = await tokenFor('admin')
    for (const amount of ['1.10', '2.20'])
      (
        await client.post(base).bearerToken(token).json({ title: '台账', amount, status: 'active' })
      ).assertStatus(201)
    const rows = await client.get('/api/ledgers/archives/rows').bearerToken(token)
    rows.assertStatus(200)
    assert.lengthOf(rows.body().data, 2)
    const totals = await client.get('/api/ledgers/archives/totals').bearerToken(token)
    assert.include(totals.body().totals, { amount: '3.30' })
    const widget = await client
      .get('/api/dashboard/widgets/archives:by-status/data')
      .bearerToken(token)
    widget.assertStatus(200)
    assert.deepInclude(widget.body().statuses, { status: 'active', count: 2, amount: '3.30' })
  })

  test("the customer picked for a archive comes from the book, in the user's scope", async ({
    client,
    assert,
  }) => {
    const book = await buildBook({
      permissions: ['archives:archive:list', 'archives:archive:create'],
    })
    const credit = book.data['credit-assets'] as { loans: Record<string, { customerId: number }> }
    const { branchManager } = book.people
    const inScope = credit.loans.normal.customerId
    const created = await client
      .post(base)
      .bearerToken(branchManager.token)
      .json({ title: '本分行客户', amount: '1.00', status: 'draft', customerId: inScope })
    created.assertStatus(201)
    const options = await client
      .get('/api/archives/customer-options')
      .bearerToken(branchManager.token)
      .qs({ perPage: 200 })
    const name = options.body().data.find((c: { id: number }) => c.id === inScope).name
    const list = await client.get(base).bearerToken(branchManager.token)
    assert.equal(list.body().data[0].customerName, name)

    // Branch 2's customer is out of this user's scope: refused on the field, nothing written.
    const outOfScope = {
      title: '越权',
      amount: '1.00',
      status: 'draft',
      customerId: credit.loans.loss.customerId,
    }
    const refused = await client.post(base).bearerToken(branchManager.token).json(outOfScope)
    refused.assertStatus(422)
    assert.equal(refused.body().errors[0].field, 'customerId')
    assert.equal((await client.get(base).bearerToken(branchManager.token)).body().meta.total, 1)
  })

  test('a tiered approval: its handler moves the status on approve and on return', async ({
    client,
    assert,
  }) => {
    // The default chain names the demo bank's roles: give them to the book's branch and head-office users.
    const book = await buildBook({
      roles: { branchManager: ['branch_asset_manager'], headOfficeRisk: ['hq_risk_manager'] },
    })
    const { accountManagerA: maker, branchManager, headOfficeRisk } = book.people
    const make = async (amount: string) => {
      const created = await client
        .post(base)
        .bearerToken(maker.token)
        .json({ title: `审批 ${amount}`, amount, status: 'draft' })
      created.assertStatus(201)
      return created.body().id as number
    }
    const submit = async (id: number) => {
      const submitted = await client.post(`${base}/${id}/submit`).bearerToken(maker.token)
      submitted.assertStatus(200)
      assert.equal(submitted.body().status, 'pending')
      return submitted.body().workflowInstanceId as number
    }
    const act = (
      token: string,
      instanceId: number,
      action: string,
      body: Record<string, unknown>
    ) =>
      client.post(`/api/workflow/instances/${instanceId}/${action}`).bearerToken(token).json(body)
    const statusOf = async (id: number) =>
      (await client.get(`${base}/${id}`).bearerToken(maker.token)).body().status

    // Below the 授权 tier (1,000,000.00) the branch decides alone: approved → 生效.
    const small = await make('999999.99')
    const first = await submit(small)
    ;(
      await client.put(`${base}/${small}`).bearerToken(maker.token).json({ title: '审批中不能改' })
    ).assertStatus(409)
    ;(await client.delete(`${base}/${small}`).bearerToken(maker.token)).assertStatus(409)
    ;(await act(branchManager.token, first, 'approve', { comment: '同意' })).assertStatus(200)
    assert.equal(await statusOf(small), 'active')

    // At the tier the head office decides too. Its return sends the record back (已退回);
    // the applicant resubmits from 我的审批 (a new round) and it is 审批中 again.
    const large = await make('1000000.00')
    const second = await submit(large)
    ;(await act(branchManager.token, second, 'approve', { comment: '同意' })).assertStatus(200)
    assert.equal(await statusOf(large), 'pending')
    ;(
      await act(headOfficeRisk.token, second, 'return', { comment: '补充材料', toSeq: 0 })
    ).assertStatus(200)
    assert.equal(await statusOf(large), 'returned')
    ;(await act(maker.token, second, 'resubmit', { comment: '已补充' })).assertStatus(200)
    assert.equal(await statusOf(large), 'pending')

    const actions = await db
      .from('audit_logs')
      .where({ entity_type: 'archives:archive', entity_id: String(large) })
      .orderBy('id')
      .select('action')
    assert.includeMembers(
      actions.map((a) => a.action),
      ['archives.archive.submit', 'archives.archive.returned', 'archives.archive.resubmitted']
    )

    // Only the approval sets 审批中 and its outcomes.
    const byHand = await client
      .post(base)
      .bearerToken(maker.token)
      .json({ title: 'x', amount: '1', status: 'pending' })
    byHand.assertStatus(422)
    assert.equal(byHand.body().errors[0].field, 'status')
  })
})
