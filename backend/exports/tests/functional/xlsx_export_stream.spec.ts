import { test } from '@japa/runner'
import ExcelJS from 'exceljs'
import { unlink } from 'node:fs/promises'
import { exportPath } from '#core/audit/export_files'
import { writeXlsxExport } from '#core/exports/xlsx_export'

/*
| The streamed xlsx writer with rows that come faster than deflate compresses them: it
| pauses for the zip (backpressure) and must neither stall nor lose or reorder a row.
*/

test('a fast 60,000-row stream is written whole and in order despite backpressure', async ({
  assert,
}) => {
  const count = 60_000
  async function* rows() {
    for (let i = 1; i <= count; i++)
      yield { no: `LN${String(i).padStart(10, '0')}`, name: `客户${i} 有限公司`, amount: `${i}.05` }
  }
  const result = await writeXlsxExport({
    fileName: 'stream.xlsx',
    sheetName: 'stream',
    columns: [
      { key: 'no', header: '借据号' },
      { key: 'name', header: '客户名称' },
      { key: 'amount', header: '余额', type: 'money' },
    ],
    rows: rows(),
    total: count,
    titleLines: ['title'],
  })
  assert.equal(result.rows, count)
  assert.isFalse(result.truncated)

  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(exportPath(result.token))
  const sheet = book.worksheets[0]
  // Title line, header, then the rows.
  assert.equal(sheet.rowCount, count + 2)
  assert.equal(sheet.getRow(3).getCell(1).value, 'LN0000000001')
  assert.equal(sheet.getRow(count + 2).getCell(1).value, `LN${String(count).padStart(10, '0')}`)
  assert.equal(sheet.getRow(count + 2).getCell(3).value, count + 0.05)
  let previous = 0
  sheet.eachRow((row, n) => {
    if (n < 3) return
    const no = Number(String(row.getCell(1).value).slice(2))
    if (no !== previous + 1) assert.fail(`row ${n} holds ${no} after ${previous}`)
    previous = no
  })
  assert.equal(previous, count)
  await unlink(exportPath(result.token))
}).timeout(60_000)
