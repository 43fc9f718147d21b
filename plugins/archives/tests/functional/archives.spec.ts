import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { businessDate } from '#core/business_day/business_date'
import { connectorRegistry } from '#core/connectors/registry'
import { outbox } from '#core/connectors/outbox'
import { buildBook } from '#tests/fixtures/book'
import type { CreditBook } from '../../../credit-assets/fixtures/book_fixture.js'
import {
  pointSystemsAt,
  resetBreakers,
  startTestSimulator,
  type Simulator,
} from '../../../bank-systems/simulator/harness.js'
import { bankSystems } from '../../../bank-systems/adapters/index.js'
import { bookApi } from '../../../credit-assets/services/book_api.js'
import { FAST, PNG, drain, url } from './archives_support.js'

/*
| 客户档案管理: the tree from the 影像平台, uploads and 替换 (old version kept)
| through the outbox, the platform down (read-only tree, uploads queued and
| filed exactly once when it is back), the data scope and strict input.
*/
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')

test.group('archives: 客户档案管理', (group) => {
  let sim: Simulator
  group.setup(async () => {
    sim = await startTestSimulator()
    return () => sim.stop()
  })
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    sim.reset()
    await pointSystemsAt(sim)
    await businessDate.set('2026-03-15')
    return async () => {
      await rollback()
      resetBreakers()
    }
  })

  async function setup() {
    const book = await buildBook()
    const { loans } = book.data['credit-assets'] as unknown as CreditBook
    const customerId = loans.normal.customerId
    const customer = await bookApi.customers.byId(customerId)
    return { book, customerId, customerNo: customer!.customerNo }
  }

  test('the tree, an upload filed once, a replacement keeping the old version, previews', async ({
    client,
    assert,
  }) => {
    const { book, customerId, customerNo } = await setup()
    const token = book.people.headOfficeRisk.token
    const remoteBefore = (await bankSystems.imaging.documents(customerNo)).length

    const tree = await client.get(url(customerId, '/tree')).bearerToken(token)
    tree.assertStatus(200)
    assert.isTrue(tree.body().online)
    const adopted = tree.body().categories.flatMap((c: any) => c.documents)
    assert.equal(adopted.length, remoteBefore)

    const up = await client
      .post(url(customerId, '/documents'))
      .bearerToken(token)
      .field('title', '借款人营业执照')
      .field('category', 'basic')
      .field('remark', '正本扫描')
      .file('file', PNG, { filename: '营业执照.png' })
    up.assertStatus(201)
    assert.equal(up.body().status, 'queued')
    const docId = up.body().id
    await drain()

    const after = await client.get(url(customerId, '/tree')).bearerToken(token)
    const basic = after.body().categories.find((c: any) => c.category === 'basic')
    const doc = basic.documents.find((d: any) => d.id === docId)
    assert.equal(doc.status, 'filed')
    assert.match(doc.docNo, /^UP/)
    assert.equal(doc.remark, '正本扫描')
    // Filed on the platform once, and not adopted a second time.
    const remote = await bankSystems.imaging.documents(customerNo)
    assert.equal(remote.filter((d) => d.title === '借款人营业执照').length, 1)
    assert.equal(after.body().categories.flatMap((c: any) => c.documents).length, remoteBefore + 1)

    const replaced = await client
      .post(url(customerId, `/documents/${docId}/versions`))
      .bearerToken(token)
      .file('file', PDF, { filename: '营业执照-新.pdf' })
    replaced.assertStatus(201)
    await drain()
    const fresh = (await client.get(url(customerId, '/tree')).bearerToken(token))
      .body()
      .categories.flatMap((c: any) => c.documents)
      .find((d: any) => d.id === docId)
    assert.equal(fresh.version, 2)
    assert.deepEqual(
      fresh.versions.map((v: any) => [v.version, v.status, v.fileName]),
      [
        [2, 'filed', '营业执照-新.pdf'],
        [1, 'filed', '营业执照.png'],
      ]
    )
    assert.notEqual(fresh.versions[0].docNo, fresh.versions[1].docNo)

    const old = await client
      .get(url(customerId, `/documents/${docId}/versions/${fresh.versions[1].id}/preview`))
      .bearerToken(token)
    old.assertStatus(200)
    assert.equal(old.header('content-type'), 'image/png')
    assert.match(old.header('content-disposition') ?? '', /^inline/)
    const pdf = await client
      .get(url(customerId, `/documents/${docId}/versions/${fresh.versions[0].id}/preview`))
      .bearerToken(token)
    pdf.assertStatus(200)
    assert.equal(pdf.header('content-type'), 'application/pdf')

    const edited = await client
      .patch(url(customerId, `/documents/${docId}`))
      .bearerToken(token)
      .json({ title: '营业执照（2026 年年检）', category: 'credit', remark: null })
    edited.assertStatus(200)
    assert.equal(edited.body().category, 'credit')
    assert.isNull(edited.body().remark)

    const audits = await db
      .from('audit_logs')
      .where('entity_type', 'archives_document')
      .where('entity_id', String(docId))
      .select('action')
    assert.includeMembers(
      audits.map((a) => a.action),
      [
        'archives.document.upload',
        'archives.document.replace',
        'archives.document.preview',
        'archives.document.update',
      ]
    )
  })

  test('platform down: read-only tree, the upload queued, filed exactly once when back', async ({
    client,
    assert,
  }) => {
    const { book, customerId, customerNo } = await setup()
    const token = book.people.headOfficeRisk.token
    const definition = connectorRegistry.system('imaging')!
    const breaker = definition.breaker
    definition.breaker = { consecutiveFailures: 10_000, halfOpenAfterMs: 50 }
    resetBreakers()
    try {
      sim.setFaults({ system: 'imaging', errorRate: 1 })
      const tree = await client.get(url(customerId, '/tree')).bearerToken(token)
      tree.assertStatus(200)
      assert.isFalse(tree.body().online)

      const up = await client
        .post(url(customerId, '/documents'))
        .bearerToken(token)
        .field('title', '抵押物照片')
        .field('category', 'guarantee')
        .file('file', PNG, { filename: 'photo.png' })
      up.assertStatus(201)
      // Two delivery runs while it is down (one attempt each): both fail, the message waits.
      await outbox.deliverDue({ ...FAST, maxRounds: 1 })
      await outbox.deliverDue({ ...FAST, maxRounds: 1 })
      const waiting = await db.from('outbox_messages').where('system_code', 'imaging').first()
      assert.equal(waiting.status, 'pending')
      assert.equal(Number(waiting.attempts), 2)
      const queued = (await client.get(url(customerId, '/tree')).bearerToken(token)).body()
      const doc = queued.categories
        .flatMap((c: any) => c.documents)
        .find((d: any) => d.id === up.body().id)
      assert.equal(doc.status, 'queued')
      assert.isNull(doc.docNo)
      assert.equal(doc.versions[0].delivery, 'pending')

      // Back, with every upload delivered twice by the network: still one document.
      sim.setFaults({ system: 'imaging', errorRate: 0, duplicateDeliveries: 1 })
      await drain()
      const back = (await client.get(url(customerId, '/tree')).bearerToken(token)).body()
      assert.isTrue(back.online)
      const filed = back.categories
        .flatMap((c: any) => c.documents)
        .find((d: any) => d.id === up.body().id)
      assert.equal(filed.status, 'filed')
      const remote = await bankSystems.imaging.documents(customerNo)
      assert.equal(remote.filter((d) => d.title === '抵押物照片').length, 1)
      const messages = await db
        .from('outbox_messages')
        .where('system_code', 'imaging')
        .where('status', 'sent')
        .count('* as n')
        .first()
      assert.equal(Number(messages?.n), 1)
    } finally {
      definition.breaker = breaker
      sim.setFaults({ system: 'imaging', errorRate: 0, duplicateDeliveries: 0 })
    }
  })

  test('scope: another branch sees 404 on the tree, upload, edit and preview', async ({
    client,
    assert,
  }) => {
    const { book, customerId } = await setup()
    const up = await client
      .post(url(customerId, '/documents'))
      .bearerToken(book.people.headOfficeRisk.token)
      .field('title', '身份证')
      .field('category', 'basic')
      .file('file', PNG, { filename: 'id.png' })
    up.assertStatus(201)
    const docId = up.body().id
    const versionId = up.body().versions[0].id
    const other = book.people.otherBranchManager.token
    ;(await client.get(url(customerId, '/tree')).bearerToken(other)).assertStatus(404)
    ;(
      await client
        .post(url(customerId, '/documents'))
        .bearerToken(other)
        .field('title', 'x')
        .field('category', 'basic')
        .file('file', PNG, { filename: 'x.png' })
    ).assertStatus(404)
    ;(
      await client
        .patch(url(customerId, `/documents/${docId}`))
        .bearerToken(other)
        .json({ title: 'x' })
    ).assertStatus(404)
    ;(
      await client
        .get(url(customerId, `/documents/${docId}/versions/${versionId}/preview`))
        .bearerToken(other)
    ).assertStatus(404)
    // A document reached through another customer's route is not found either.
    const { loans } = book.data['credit-assets'] as unknown as CreditBook
    ;(
      await client
        .patch(url(loans.loss.customerId, `/documents/${docId}`))
        .bearerToken(book.people.headOfficeRisk.token)
        .json({ title: 'x' })
    ).assertStatus(404)
    const docs = await db.from('archives_documents').where('title', 'x').count('* as n').first()
    assert.equal(Number(docs?.n), 0)
  })

  test('422: unknown fields, bad category, refused file types', async ({ client, assert }) => {
    const { book, customerId } = await setup()
    const token = book.people.headOfficeRisk.token
    const unknown = await client
      .post(url(customerId, '/documents'))
      .bearerToken(token)
      .field('title', '合同')
      .field('category', 'contract')
      .field('docNo', 'X1')
      .file('file', PDF, { filename: 'c.pdf' })
    unknown.assertStatus(422)
    assert.equal(unknown.body().errors[0].field, 'docNo')

    const badCategory = await client
      .post(url(customerId, '/documents'))
      .bearerToken(token)
      .field('title', '合同')
      .field('category', 'secret')
      .file('file', PDF, { filename: 'c.pdf' })
    badCategory.assertStatus(422)

    const exe = await client
      .post(url(customerId, '/documents'))
      .bearerToken(token)
      .field('title', '合同')
      .field('category', 'contract')
      .file('file', Buffer.from('MZ\x90\x00'), { filename: 'tool.exe' })
    exe.assertStatus(422)
    assert.equal(exe.body().errors[0].field, 'file')

    const disguised = await client
      .post(url(customerId, '/documents'))
      .bearerToken(token)
      .field('title', '合同')
      .field('category', 'contract')
      .file('file', Buffer.from('just text'), { filename: 'c.pdf' })
    disguised.assertStatus(422)

    const up = await client
      .post(url(customerId, '/documents'))
      .bearerToken(token)
      .field('title', '合同')
      .field('category', 'contract')
      .file('file', PDF, { filename: 'c.pdf' })
    up.assertStatus(201)
    const edit = await client
      .patch(url(customerId, `/documents/${up.body().id}`))
      .bearerToken(token)
      .json({ title: '合同', status: 'x' })
    edit.assertStatus(422)
    assert.equal(edit.body().errors[0].field, 'status')

    const count = await db.from('archives_documents').count('* as n').first()
    assert.equal(Number(count?.n), 1)
    const messages = await db
      .from('outbox_messages')
      .where('system_code', 'imaging')
      .count('* as n')
      .first()
    assert.equal(Number(messages?.n), 1)
  })
})
