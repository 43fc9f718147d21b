/*
| 关联借据导出: one customer's visible loans as .xlsx, written by the exceljs
| streaming writer into a PassThrough the response pipes out. Amounts are
| numeric cells (Excel stores doubles; a two-decimal yuan amount below 10^13
| survives the round trip exactly) formatted with two decimals, so a clerk can
| sum them; the yuan text comes from Money, never from float arithmetic.
*/
import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type { UserAccess } from '#core/identity/user_access'
import { pickLocale } from '#core/i18n/messages'
import { loansOf } from './portrait.js'

/** More than any one customer has; the export stays a single in-request stream. */
const EXPORT_LIMIT = 50_000
const AMOUNT_FORMAT = '#,##0.00'

type Column = { key: string; zh: string; en: string; width: number; amount?: boolean }
const COLUMNS: Column[] = [
  { key: 'loanNo', zh: '借据号', en: 'Loan no.', width: 22 },
  { key: 'product', zh: '产品', en: 'Product', width: 18 },
  { key: 'orgName', zh: '机构', en: 'Org', width: 18 },
  { key: 'currency', zh: '币种', en: 'Currency', width: 8 },
  { key: 'amount', zh: '借据金额（元）', en: 'Amount', width: 18, amount: true },
  { key: 'balance', zh: '余额（元）', en: 'Balance', width: 18, amount: true },
  { key: 'rate', zh: '年利率', en: 'Rate', width: 10 },
  { key: 'startDate', zh: '起始日', en: 'Start', width: 12 },
  { key: 'maturityDate', zh: '到期日', en: 'Maturity', width: 12 },
  { key: 'overdueDays', zh: '逾期天数', en: 'Overdue days', width: 10 },
  {
    key: 'overduePrincipal',
    zh: '逾期本金（元）',
    en: 'Overdue principal',
    width: 18,
    amount: true,
  },
  {
    key: 'onBalanceInterest',
    zh: '表内欠息（元）',
    en: 'On-balance interest',
    width: 18,
    amount: true,
  },
  {
    key: 'offBalanceInterest',
    zh: '表外欠息（元）',
    en: 'Off-balance interest',
    width: 18,
    amount: true,
  },
  { key: 'fiveClass', zh: '五级分类', en: 'Class', width: 10 },
  { key: 'status', zh: '借据状态', en: 'Status', width: 10 },
  { key: 'riskStatus', zh: '风险资产状态', en: 'Risk asset', width: 12 },
]

/** Dictionary labels (the administrator's custom label first) for the coded columns. */
async function labels(locale: 'zh-CN' | 'en') {
  const rows = await db
    .from('dict_items')
    .whereIn('type_code', [
      'credit_assets_loan_product',
      'credit_assets_five_class',
      'credit_assets_loan_status',
      'credit_assets_risk_asset_status',
    ])
    .select('type_code', 'code', 'label_zh', 'label_en', 'custom_label_zh', 'custom_label_en')
  const map = new Map<string, string>()
  for (const r of rows) {
    const label =
      locale === 'en' ? (r.custom_label_en ?? r.label_en) : (r.custom_label_zh ?? r.label_zh)
    map.set(`${r.type_code}:${r.code}`, label)
  }
  return (type: string, code: string | null) =>
    code ? (map.get(`credit_assets_${type}:${code}`) ?? code) : ''
}

export async function streamLoansWorkbook(
  access: UserAccess,
  customer: Record<string, any>,
  acceptLanguage?: string | null
) {
  const locale = pickLocale(acceptLanguage)
  const [loans, label] = await Promise.all([
    loansOf(access, Number(customer.id), EXPORT_LIMIT),
    labels(locale),
  ])
  const body = new PassThrough()
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: body,
    useStyles: true,
    useSharedStrings: false,
  })
  const sheet = workbook.addWorksheet(locale === 'en' ? 'Loans' : '关联借据')
  sheet.columns = COLUMNS.map((c) => ({
    key: c.key,
    header: locale === 'en' ? c.en : c.zh,
    width: c.width,
    ...(c.amount ? { style: { numFmt: AMOUNT_FORMAT } } : {}),
  }))
  // Written after the handler returns: the response must be reading the stream, or the writer stalls on back-pressure.
  setImmediate(async () => {
    try {
      for (const loan of loans) {
        const row: Record<string, unknown> = { ...loan }
        for (const c of COLUMNS)
          if (c.amount)
            row[c.key] =
              loan[c.key as keyof typeof loan] === null
                ? null
                : Number(loan[c.key as keyof typeof loan])
        row.product = label('loan_product', loan.product)
        row.fiveClass = label('five_class', loan.fiveClass)
        row.status = label('loan_status', loan.status)
        row.riskStatus = label('risk_asset_status', loan.riskStatus)
        sheet.addRow(row).commit()
      }
      sheet.commit()
      await workbook.commit()
    } catch (error) {
      logger.error({ err: error, customerId: customer.id }, 'customer loans export failed')
      body.destroy(error as Error)
    }
  })
  return { body, rows: loans.length }
}
