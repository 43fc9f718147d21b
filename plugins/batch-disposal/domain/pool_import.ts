/*
| 名单导入: an xlsx (the template's first sheet, column 借据号) adds loans to the pool
| all or nothing. Every row is checked against the book (in the importer's
| scope) and the eligibility rules; if any row fails, nothing is imported and
| the answer lists each failing row with its reason (422). The checks read the
| book set-based, a thousand loan numbers a statement.
*/
import ExcelJS from 'exceljs'
import db from '@adonisjs/lucid/services/db'
import type { UserAccess } from '#core/identity/user_access'
import { applyDataScope } from '#core/identity/data_scope'
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'
import { assetClaims, AssetClaimError } from '../../credit-assets/services/asset_claims.js'
import { claimOwner } from './store.js'
import { advanceStage, openProject } from './projects.js'
import { eligibilityFor } from './pool.js'
import { PERSONAL_TYPES, poolLocked } from './pool_sql.js'
import { BatchError, isDuplicate } from './batch_error.js'

export const MAX_IMPORT_ROWS = 50_000
const HEADER = '借据号'

export interface RowError {
  row: number
  loanNo: string
  message: string
}

/** The template: one sheet, 借据号 and an optional 备注 column. */
export async function importTemplate() {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('资产池名单')
  sheet.columns = [
    { header: HEADER, key: 'loanNo', width: 24 },
    { header: '备注（不导入）', key: 'remark', width: 30 },
  ]
  sheet.getRow(1).font = { bold: true }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** The loan numbers of the sheet with their row numbers (empty rows skipped). */
export async function readLoanNumbers(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(buffer as any)
  } catch {
    throw new BatchError(422, '文件不是有效的 xlsx 工作簿，请使用导入模板')
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) throw new BatchError(422, '工作簿没有工作表')
  let column = 0
  sheet.getRow(1).eachCell((cell, n) => {
    if (String(cell.text ?? '').trim() === HEADER) column = n
  })
  if (!column) throw new BatchError(422, `第 1 行缺少“${HEADER}”列，请使用导入模板`)
  const rows: { row: number; loanNo: string }[] = []
  sheet.eachRow((row, n) => {
    if (n === 1) return
    const text = String(row.getCell(column).text ?? '').trim()
    const blank =
      !row.values ||
      (row.values as unknown[]).every(
        (v) => v === null || v === undefined || String(v).trim() === ''
      )
    if (!blank) rows.push({ row: n, loanNo: text })
  })
  if (!rows.length) throw new BatchError(422, '名单中没有借据')
  if (rows.length > MAX_IMPORT_ROWS)
    throw new BatchError(422, `一次最多导入 ${MAX_IMPORT_ROWS} 笔，请分批导入`)
  return rows
}

/** Checks every row; returns the loans to lock, or throws 422 with every row's error. */
async function checkRows(
  access: UserAccess,
  projectId: number,
  mode: string,
  rows: { row: number; loanNo: string }[]
) {
  const rules = await eligibilityFor(mode)
  const own = claimOwner({ id: projectId })
  const errors: RowError[] = []
  const seen = new Map<string, number>()
  for (const r of rows) {
    if (!r.loanNo) errors.push({ ...r, message: '借据号为空' })
    else if (r.loanNo.length > 64) errors.push({ ...r, message: '借据号过长' })
    else if (seen.has(r.loanNo)) errors.push({ ...r, message: `与第 ${seen.get(r.loanNo)} 行重复` })
    else seen.set(r.loanNo, r.row)
  }
  const found = new Map<string, any>()
  const numbers = [...seen.keys()]
  for (let start = 0; start < numbers.length; start += 1000) {
    const q = db
      .from(book.loans.as('l'))
      .join(book.customers.as('c'), 'c.id', 'l.customer_id')
      .leftJoin(book.riskAssets.as('ra'), 'ra.loan_id', 'l.id')
      .leftJoin(book.assetClaims.as('k'), 'k.loan_id', 'l.id')
      .whereIn('l.loan_no', numbers.slice(start, start + 1000))
      .select(
        'l.id',
        'l.loan_no',
        'l.status',
        'ra.status as ra_status',
        'c.customer_type',
        'k.holder',
        'k.holder_ref',
        'k.label'
      )
    applyDataScope(q, access, book.loans.scopeOf('l'))
    for (const r of await q) found.set(r.loan_no, r)
  }
  const loanIds: number[] = []
  for (const [loanNo, row] of seen) {
    const loan = found.get(loanNo)
    const fail = (message: string) => errors.push({ row, loanNo, message })
    if (!loan) fail('借据不存在或不在您的数据权限内')
    else if (loan.status !== 'active') fail('借据已结清、核销、转让或抵债，不能入池')
    else if (loan.ra_status !== 'managed') fail('借据不在风险资产管理中')
    else if (loan.holder === own.holder && loan.holder_ref === own.ref) fail('借据已在本资产池中')
    else if (loan.holder) fail(`借据已在${loan.label}中（其他进行中的处置申请）`)
    else if (rules.excludePersonal && PERSONAL_TYPES.includes(loan.customer_type))
      fail('批量转让不含个人贷款（规则“批量转让不含个人贷款”已启用）')
    else loanIds.push(Number(loan.id))
  }
  if (errors.length) {
    errors.sort((a, b) => a.row - b.row)
    throw new BatchError(422, `名单有 ${errors.length} 行不符合要求，未导入任何借据`, errors)
  }
  return loanIds
}

export async function importList(access: UserAccess, projectId: number, buffer: Buffer) {
  const project = await openProject(access, projectId)
  const rows = await readLoanNumbers(buffer)
  const loanIds = await checkRows(access, projectId, project.mode, rows)
  try {
    return await db.transaction(async (trx) => {
      await assetClaims.claim(trx, claimOwner(project), loanIds)
      const added = await poolLocked(trx, projectId, 'import')
      await advanceStage(trx, projectId, 'pool')
      return { rows: rows.length, added }
    })
  } catch (error) {
    if (error instanceof AssetClaimError) throw new BatchError(409, `${error.zh}；未导入任何借据`)
    if (isDuplicate(error))
      throw new BatchError(409, '名单中的借据刚被其他业务占用，未导入任何借据，请重新导入')
    throw error
  }
}
