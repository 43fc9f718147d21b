/*
| receiveAsset: an asset taken in settlement enters the module (status held,
| 待分发). Idempotent by `receiptRef`: the foreclosure plugin's retried call, or
| two at once, give one asset (the unique key decides the race). Computes the
| 处置期限 from the class rule, records the 入账价值 as the first value, registers
| the deadline with the core reminder engine and audits the receipt.
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import { randomUUID } from 'node:crypto'
import { audit } from '#core/audit/audit'
import { dbNow } from '#core/db/db_time'
import { isDuplicateKey } from '#core/db/db_errors'
import { bookApi } from '../../credit-assets/services/book_api.js'
import { ASSET_CLASSES, type AssetClass } from '../rules/default_class_rules.js'
import { classRule } from '../rules/class_rules.js'
import { addMonths, disposalDeadline } from '../rules/deadline.js'
import { ForeclosedAssetError } from './asset_error.js'
import { syncDisposalDeadline } from './asset_deadlines.js'

export const ASSETS = 'foreclosed_assets'
export const ASSET_LOANS = 'foreclosed_assets_loans'
export const VALUES = 'foreclosed_assets_values'

export interface ReceiveAssetInput {
  receiptRef: string
  customerId: number
  orgId: number
  /** 保管行; the booking org when not given. */
  custodianOrgId?: number | null
  loanIds: number[]
  assetClass: AssetClass
  name: string
  location?: string | null
  certificates?: string | null
  /** The business date the bank acquired it (YYYY-MM-DD): the 处置期限 runs from it. */
  acquiredOn: string
  /** 入账价值, in fen. */
  bookValueFen: bigint | string
  /** 评估价, in fen. */
  appraisedValueFen: bigint | string
  actorId: number
}

const FEN = /^(0|[1-9]\d{0,15})$/

function refuse(field: string, zh: string, en: string): never {
  throw new ForeclosedAssetError(422, zh, en, field)
}

function checkInput(input: ReceiveAssetInput) {
  if (
    typeof input.receiptRef !== 'string' ||
    !input.receiptRef.trim() ||
    input.receiptRef.length > 128
  )
    refuse('receiptRef', '收取编号必填（不超过128个字符）', 'receiptRef is required (≤ 128)')
  if (!Number.isInteger(input.customerId) || input.customerId <= 0)
    refuse('customerId', '客户不正确', 'Invalid customer')
  if (!Number.isInteger(input.orgId) || input.orgId <= 0)
    refuse('orgId', '机构不正确', 'Invalid org')
  if (!Array.isArray(input.loanIds) || input.loanIds.some((id) => !Number.isInteger(id) || id <= 0))
    refuse('loanIds', '借据不正确', 'Invalid loans')
  if (!ASSET_CLASSES.includes(input.assetClass))
    refuse('assetClass', '资产分类不正确', 'Unknown asset class')
  if (typeof input.name !== 'string' || !input.name.trim() || Array.from(input.name).length > 200)
    refuse('name', '资产名称必填（不超过200个字符）', 'Name is required (≤ 200)')
  const acquired = DateTime.fromFormat(String(input.acquiredOn), 'yyyy-MM-dd')
  if (!acquired.isValid) refuse('acquiredOn', '取得日期不是有效日期', 'acquiredOn is not a date')
  if (!FEN.test(String(input.bookValueFen)))
    refuse('bookValueFen', '入账价值不正确', 'Invalid book value')
  if (!FEN.test(String(input.appraisedValueFen)))
    refuse('appraisedValueFen', '评估价不正确', 'Invalid appraised value')
  if (!Number.isInteger(input.actorId) || input.actorId <= 0)
    refuse('actorId', '经办人不正确', 'Invalid actor')
}

async function existing(client: TransactionClientContract, receiptRef: string) {
  return client.from(ASSETS).where('receipt_ref', receiptRef).select('id').first()
}

async function insertAsset(trx: TransactionClientContract, input: ReceiveAssetInput) {
  for (const loanId of input.loanIds) {
    const loan = await bookApi.loans.byId(loanId, { client: trx })
    if (!loan) refuse('loanIds', `借据 ${loanId} 不存在`, `Loan ${loanId} not found`)
    if (Number(loan.customerId) !== input.customerId)
      refuse(
        'loanIds',
        `借据 ${loan.loanNo} 不属于该客户`,
        `Loan ${loan.loanNo} is another customer's`
      )
  }
  const rule = await classRule(input.assetClass, trx)
  const deadline = await disposalDeadline(input.acquiredOn, rule.disposalMonths)
  const now = dbNow()
  const book = String(input.bookValueFen)
  const [inserted] = await trx.table(ASSETS).insert({
    asset_no: randomUUID().replace(/-/g, '').slice(0, 32),
    receipt_ref: input.receiptRef,
    customer_id: input.customerId,
    org_id: input.orgId,
    custodian_org_id: input.custodianOrgId ?? input.orgId,
    asset_class: input.assetClass,
    name: input.name.trim(),
    location: input.location?.trim() || null,
    certificates: input.certificates?.trim() || null,
    acquired_on: input.acquiredOn,
    disposal_deadline: deadline,
    book_value_fen: book,
    appraised_value_fen: String(input.appraisedValueFen),
    current_value_fen: book,
    status: 'held',
    next_check_due: addMonths(input.acquiredOn, rule.checkIntervalMonths),
    created_by: input.actorId,
    created_at: now,
    updated_at: now,
  })
  const id = Number(inserted)
  const assetNo = `DZ${input.acquiredOn.slice(0, 4)}${String(id).padStart(6, '0')}`
  await trx.from(ASSETS).where('id', id).update({ asset_no: assetNo })
  const loanIds = [...new Set(input.loanIds)]
  if (loanIds.length)
    await trx
      .table(ASSET_LOANS)
      .multiInsert(loanIds.map((loanId) => ({ asset_id: id, loan_id: loanId })))
  await trx.table(VALUES).insert({
    asset_id: id,
    valued_on: input.acquiredOn,
    value_fen: book,
    kind: 'book',
    note: '入账价值',
    created_by: input.actorId,
    created_at: now,
  })
  if (String(input.appraisedValueFen) !== book)
    await trx.table(VALUES).insert({
      asset_id: id,
      valued_on: input.acquiredOn,
      value_fen: String(input.appraisedValueFen),
      kind: 'appraisal',
      note: '收取时评估价',
      created_by: input.actorId,
      created_at: now,
    })
  await syncDisposalDeadline(trx, id)
  return { id, assetNo, deadline }
}

async function receiveIn(
  trx: TransactionClientContract,
  input: ReceiveAssetInput,
  ctx: HttpContext | null
): Promise<{ id: number }> {
  checkInput(input)
  const found = await existing(trx, input.receiptRef)
  if (found) return { id: Number(found.id) }
  const { id, assetNo, deadline } = await insertAsset(trx, input)
  const actor = await trx.from('users').where('id', input.actorId).select('username').first()
  await audit.record(ctx, {
    action: 'foreclosed_asset.receive',
    entityType: 'foreclosed_asset',
    entityId: id,
    after: {
      assetNo,
      receiptRef: input.receiptRef,
      assetClass: input.assetClass,
      name: input.name,
      acquiredOn: input.acquiredOn,
      disposalDeadline: deadline,
      bookValueFen: String(input.bookValueFen),
      appraisedValueFen: String(input.appraisedValueFen),
      loanIds: input.loanIds,
    },
    actorUsername: actor?.username ?? null,
    trx,
  })
  return { id }
}

export async function receiveAsset(
  input: ReceiveAssetInput,
  trx?: TransactionClientContract,
  ctx: HttpContext | null = null
): Promise<{ id: number }> {
  if (trx) return receiveIn(trx, input, ctx)
  try {
    return await db.transaction((t) => receiveIn(t, input, ctx))
  } catch (error) {
    // Two receipts of the same ref at once: the loser reads the winner's asset.
    if (!isDuplicateKey(error)) throw error
    const row = await db.from(ASSETS).where('receipt_ref', input.receiptRef).select('id').first()
    if (!row) throw error
    return { id: Number(row.id) }
  }
}
