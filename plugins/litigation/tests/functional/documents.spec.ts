import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { unzipSync, strFromU8 } from 'fflate'
import { bookLoan, addGuarantor } from '../../../credit-assets/fixtures/book_fixture.js'
import { caseBody, caseBook, CASE_API } from '../case_helpers.js'
import { documentPage } from '../../documents/document_pdf.js'

/*
| 法律文书: apply a template to a case (filled from the case, parties and book),
| edit and save versions (sanitised; a stale save is 409), download PDF and
| .docx; a party's name with markup stays text everywhere; scope; administrators'
| template versions (raw output refused).
*/
const XSS = '<script>alert(1)</script><img src=x onerror=alert(2)>恶意公司'

async function xssCase(client: any, token: string, orgId: number) {
  const loan = await bookLoan({ orgId, customerName: XSS, riskAsset: true })
  const guaranteeId = await addGuarantor(loan.loanId, '担保人"<b>乙</b>')
  const response = await client
    .post(`${CASE_API}/cases`)
    .bearerToken(token)
    .json(
      caseBody({ loans: { substandard: loan }, guaranteeIds: [guaranteeId] } as any, {
        parties: [
          { role: 'plaintiff', kind: 'bank', address: '北京市西城区金融大街1号' },
          { role: 'defendant', kind: 'borrower', address: '<a href="javascript:x">住所</a>' },
          { role: 'defendant', kind: 'guarantor', guaranteeId },
          { role: 'third_party', kind: 'other', name: '第三人<svg onload=alert(3)>' },
        ],
      })
    )
  response.assertStatus(201)
  return response.body()
}

test.group('litigation: legal documents', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a 起诉状 filled from the case keeps markup in names as text (HTML, PDF page, docx)', async ({
    client,
    assert,
  }) => {
    const { book } = await caseBook()
    const clerk = book.people.branchManager
    const found = await xssCase(client, clerk.token, book.orgs.subBranches[0])
    const applied = await client
      .post(`${CASE_API}/documents`)
      .bearerToken(clerk.token)
      .json({ caseId: found.id, kind: 'complaint' })
    applied.assertStatus(201)
    const doc = applied.body()
    assert.equal(doc.version, 1)
    assert.include(doc.title, '民事起诉状')
    const html: string = doc.html
    assert.include(html, '<h1>民事起诉状</h1>')
    assert.include(html, '北京市朝阳区人民法院')
    assert.include(html, '1,000,000.00')
    assert.include(
      html,
      '&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;恶意公司'
    )
    assert.include(html, '担保人"&lt;b&gt;乙&lt;/b&gt;')
    assert.notInclude(html, '<script')
    assert.notInclude(html, '<img')
    assert.notInclude(html, '<svg')
    // The address typed as markup is text too, never a link.
    assert.notInclude(html, '<a ')
    assert.include(html, '&lt;a href="javascript:x"&gt;住所&lt;/a&gt;')
    // The PDF's page is the stored (sanitised) body; the title is escaped too.
    const page = documentPage(doc.title, html)
    assert.notInclude(page, '<script')
    assert.include(page, '<title>民事起诉状（')

    const pdf = await client.get(`${CASE_API}/documents/${doc.id}/pdf`).bearerToken(clerk.token)
    pdf.assertStatus(200)
    assert.equal(pdf.header('content-type'), 'application/pdf')
    assert.include(pdf.header('content-disposition'), "filename*=UTF-8''")
    assert.equal((pdf.body() as Buffer).subarray(0, 5).toString('latin1'), '%PDF-')

    const request = client.get(`${CASE_API}/documents/${doc.id}/docx`).bearerToken(clerk.token)
    // Word is binary: read the body as bytes.
    request.request.buffer(true).parse((res: any, done: any) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => done(null, Buffer.concat(chunks)))
    })
    const docx = await request
    docx.assertStatus(200)
    assert.include(docx.header('content-type'), 'wordprocessingml')
    const files = unzipSync(new Uint8Array(docx.body() as Buffer))
    const xml = strFromU8(files['word/document.xml'])
    assert.include(xml, '民事起诉状')
    assert.include(xml, '&lt;script&gt;alert(1)&lt;/script&gt;')
    assert.notInclude(xml, '<script')
    assert.include(xml, '北京市朝阳区人民法院')

    const downloads = await db
      .from('audit_logs')
      .where('action', 'security.download')
      .where('entity_type', 'lit_document')
    assert.lengthOf(downloads, 2)
  }).timeout(60_000)

  test('edit: saved versions are sanitised, a stale save is 409, old versions stay', async ({
    client,
    assert,
  }) => {
    const { book, credit } = await caseBook()
    const token = book.people.branchManager.token
    const found = (
      await client.post(`${CASE_API}/cases`).bearerToken(token).json(caseBody(credit))
    ).body()
    const doc = (
      await client
        .post(`${CASE_API}/documents`)
        .bearerToken(token)
        .json({ caseId: found.id, kind: 'demand_letter' })
    ).body()
    assert.include(doc.html, '律师函')
    assert.include(doc.html, '保证人甲')
    const saved = await client
      .put(`${CASE_API}/documents/${doc.id}`)
      .bearerToken(token)
      .json({
        html: `${doc.html}<p>补充：<strong>请于七日内</strong>清偿<script>alert(9)</script></p><img src=x onerror=1>`,
        note: '补充期限',
        baseVersion: 1,
      })
    saved.assertStatus(200)
    assert.equal(saved.body().version, 2)
    assert.include(saved.body().html, '<strong>请于七日内</strong>')
    assert.notInclude(saved.body().html, '<script')
    assert.notInclude(saved.body().html, '<img')
    assert.deepEqual(
      saved.body().versions.map((v: any) => v.version),
      [2, 1]
    )
    const stale = await client
      .put(`${CASE_API}/documents/${doc.id}`)
      .bearerToken(book.people.headOfficeRisk.token)
      .json({ html: '<p>覆盖</p>', baseVersion: 1 })
    stale.assertStatus(409)
    const first = await client
      .get(`${CASE_API}/documents/${doc.id}`)
      .qs({ version: 1 })
      .bearerToken(token)
    assert.equal(first.body().html, doc.html)
    ;(
      await client
        .put(`${CASE_API}/documents/${doc.id}`)
        .bearerToken(token)
        .json({ html: '<script>x</script>', baseVersion: 2 })
    ).assertStatus(422)
    ;(
      await client
        .post(`${CASE_API}/documents`)
        .bearerToken(token)
        .json({ caseId: found.id, kind: 'nonsense' })
    ).assertStatus(422)
    // Every kind fills without error.
    for (const kind of ['preservation', 'enforcement', 'power_of_attorney', 'payment_order']) {
      const applied = await client
        .post(`${CASE_API}/documents`)
        .bearerToken(token)
        .json({ caseId: found.id, kind })
      applied.assertStatus(201)
      assert.include(applied.body().html, '<h1>')
    }
  })

  test('another branch neither lists, opens nor downloads a document (404)', async ({
    client,
    assert,
  }) => {
    const { book, credit } = await caseBook()
    const token = book.people.branchManager.token
    const found = (
      await client.post(`${CASE_API}/cases`).bearerToken(token).json(caseBody(credit))
    ).body()
    const doc = (
      await client
        .post(`${CASE_API}/documents`)
        .bearerToken(token)
        .json({ caseId: found.id, kind: 'complaint' })
    ).body()
    const other = book.people.otherBranchManager.token
    const list = await client.get(`${CASE_API}/documents`).bearerToken(other)
    assert.notInclude(
      list.body().data.map((d: any) => d.id),
      doc.id
    )
    for (const path of ['', '/pdf', '/docx'])
      (await client.get(`${CASE_API}/documents/${doc.id}${path}`).bearerToken(other)).assertStatus(
        404
      )
    ;(
      await client
        .put(`${CASE_API}/documents/${doc.id}`)
        .bearerToken(other)
        .json({ html: '<p>x</p>', baseVersion: 1 })
    ).assertStatus(404)
    ;(
      await client
        .post(`${CASE_API}/documents`)
        .bearerToken(other)
        .json({ caseId: found.id, kind: 'complaint' })
    ).assertStatus(404)
  })

  test('administrators save template versions; raw output and bad syntax are 422', async ({
    client,
    assert,
  }) => {
    const { book, credit } = await caseBook()
    const admin = book.people.headOfficeRisk.token
    const current = await client.get(`${CASE_API}/document-templates/complaint`).bearerToken(admin)
    current.assertStatus(200)
    assert.equal(current.body().version, 0)
    for (const body of ['<p>{{{case.caseNo}}}</p>', '<p>{{& case.caseNo}}</p>', '<p>{{#if x}}</p>'])
      (
        await client
          .put(`${CASE_API}/document-templates/complaint`)
          .bearerToken(admin)
          .json({ body, baseVersion: 0 })
      ).assertStatus(422)
    const saved = await client
      .put(`${CASE_API}/document-templates/complaint`)
      .bearerToken(admin)
      .json({
        body: '<h1>民事起诉状（新版）</h1><p>原告：{{bank.name}}；被告：{{borrower.name}}</p>',
        remark: '简化',
        baseVersion: 0,
      })
    saved.assertStatus(200)
    assert.equal(saved.body().version, 1)
    assert.deepEqual(
      saved.body().history.map((h: any) => h.version),
      [1, 0]
    )
    ;(
      await client
        .put(`${CASE_API}/document-templates/complaint`)
        .bearerToken(admin)
        .json({ body: '<p>x</p>', baseVersion: 0 })
    ).assertStatus(409)
    const found = (
      await client
        .post(`${CASE_API}/cases`)
        .bearerToken(book.people.branchManager.token)
        .json(caseBody(credit))
    ).body()
    const doc = await client
      .post(`${CASE_API}/documents`)
      .bearerToken(book.people.branchManager.token)
      .json({ caseId: found.id, kind: 'complaint' })
    assert.include(doc.body().html, '（新版）')
    assert.equal(doc.body().templateVersion, 1)
    const audit = await db.from('audit_logs').where('action', 'litigation.document_template.save')
    assert.lengthOf(audit, 1)
  })
})
