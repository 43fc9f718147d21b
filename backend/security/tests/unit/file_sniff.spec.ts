import { test } from '@japa/runner'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { ACTIVE_MIME, sniffFile } from '#core/security/file_sniff'

/*
| Upload content check: a real Office file is inert (its mime type names "openxmlformats",
| which an earlier /xml/ test refused: every .xlsx and .docx upload was turned away), while
| SVG, HTML and bare XML stay refused whatever they are named.
*/
test.group('upload content sniffing', (group) => {
  let dir = ''
  group.each.setup(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sniff-'))
    return () => rm(dir, { recursive: true, force: true })
  })

  test('a real xlsx is accepted as xlsx', async ({ assert }) => {
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('名单').addRow(['借据号', 'JJ0001'])
    const file = join(dir, 'list.xlsx')
    await workbook.xlsx.writeFile(file)
    const sniffed = await sniffFile(file, 'xlsx')
    assert.equal(sniffed?.ext, 'xlsx')
  })

  test('svg, html and xml mime types are active; office and pdf are not', ({ assert }) => {
    for (const mime of [
      'image/svg+xml',
      'text/html',
      'application/xhtml+xml',
      'application/xml',
      'text/xml',
      'application/javascript',
    ])
      assert.isTrue(ACTIVE_MIME.test(mime), mime)
    for (const mime of [
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/pdf',
      'image/png',
    ])
      assert.isFalse(ACTIVE_MIME.test(mime), mime)
  })

  test('an svg named .png is refused', async ({ assert }) => {
    const file = join(dir, 'x.png')
    await writeFile(
      file,
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    )
    assert.isNull(await sniffFile(file, 'png'))
  })
})
