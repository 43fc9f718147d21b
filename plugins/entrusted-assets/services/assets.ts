/*
| 受托资产: registration, edits and the end of management. Scoped by the record's
| org and manager (the registering clerk); out of scope = 404. The fee is
| computed here, never sent (services/fee.ts). Ending sets `ended_on` to the
| business date, so the as-of ledger still shows the asset before that day.
*/
import db from '@adonisjs/lucid/services/db'
import { applyDataScope } from '#core/identity/data_scope'
import type { UserAccess } from '#core/identity/user_access'
import { businessDate } from '#core/business_day/business_date'
import { dateText } from '#core/holidays/calendar_date'
import { Money } from '#core/money/money'
import { dbNow } from '#core/db/db_time'
import { entrustFee } from './fee.js'
import { BilingualRuleError } from '#core/plugins/bilingual_rule_error'

export const ASSETS = 'entrusted_assets'

/** A refusal in both languages: a RuleError the exception handler answers (422 under its field). */
export class EntrustedError extends BilingualRuleError {
  constructor(status: 404 | 409 | 422, zh: string, en: string, field?: string) {
    super(status, 'entrustedAssets.refused', { zh, en }, field, 'entrusted')
    this.message = zh
  }
}

export interface AssetInput {
  contractNo: string
  principalParty: string
  assetName: string
  principal: string
  feeRate: string
  periodFrom: string
  periodTo: string
  status: string
  remark?: string | null
}

export const scopedAssets = (access: UserAccess) =>
  applyDataScope(db.from(`${ASSETS} as a`), access, {
    orgColumn: 'a.org_id',
    ownerColumn: 'a.manager_id',
  })

/** Fee rate as stored (DECIMAL 8,4) → shortest text ("1.2500" → "1.25"). */
const rateText = (value: unknown) => {
  const [whole, frac = ''] = String(value).split('.')
  const trimmed = frac.replace(/0+$/, '')
  return trimmed ? `${whole}.${trimmed}` : whole
}

export function assetRow(r: any) {
  return {
    id: Number(r.id),
    contractNo: r.contract_no as string,
    principalParty: r.principal_party as string,
    assetName: r.asset_name as string,
    principal: Money.fromFen(String(r.principal_fen)).toYuan(),
    feeRate: rateText(r.fee_rate),
    fee: Money.fromFen(String(r.fee_fen)).toYuan(),
    periodFrom: dateText(r.period_from),
    periodTo: dateText(r.period_to),
    status: r.status as string,
    registeredOn: dateText(r.registered_on),
    endedOn: r.ended_on ? dateText(r.ended_on) : null,
    remark: (r.remark as string | null) ?? null,
    orgId: Number(r.org_id),
  }
}

export async function findAsset(access: UserAccess, id: number) {
  const row =
    Number.isSafeInteger(id) && id > 0
      ? await scopedAssets(access).where('a.id', id).select('a.*').first()
      : null
  if (!row) throw new EntrustedError(404, '受托资产不存在或无权访问', 'No such entrusted asset')
  return assetRow(row)
}

function columns(input: AssetInput) {
  if (input.periodTo < input.periodFrom)
    throw new EntrustedError(
      422,
      '委托到期日不得早于起始日',
      'The period ends before it starts',
      'periodTo'
    )
  const principal = Money.fromYuan(input.principal)
  return {
    contract_no: input.contractNo,
    principal_party: input.principalParty,
    asset_name: input.assetName,
    principal_fen: principal.toFen(),
    fee_rate: input.feeRate,
    fee_fen: entrustFee(principal, input.feeRate).toFen(),
    period_from: input.periodFrom,
    period_to: input.periodTo,
    status: input.status,
    remark: input.remark ?? null,
  }
}

async function refuseDuplicate(contractNo: string, exceptId?: number) {
  const query = db.from(ASSETS).where('contract_no', contractNo)
  if (exceptId) query.whereNot('id', exceptId)
  if (await query.first())
    throw new EntrustedError(422, '该委托合同号已登记', 'This contract is registered', 'contractNo')
}

export async function createAsset(access: UserAccess, input: AssetInput) {
  const values = columns(input)
  await refuseDuplicate(input.contractNo)
  const today = await businessDate.current()
  const now = dbNow()
  const [id] = await db.table(ASSETS).insert({
    ...values,
    registered_on: today,
    ended_on: input.status === 'ended' ? today : null,
    org_id: access.user.orgId,
    manager_id: access.user.id,
    created_by: access.user.id,
    created_at: now,
    updated_at: now,
  })
  return findAsset(access, Number(id))
}

export async function updateAsset(access: UserAccess, id: number, input: AssetInput) {
  const before = await findAsset(access, id)
  const values = columns(input)
  await refuseDuplicate(input.contractNo, id)
  const today = await businessDate.current()
  const endedOn = input.status === 'ended' ? (before.endedOn ?? today) : null
  await db
    .from(ASSETS)
    .where('id', id)
    .update({ ...values, ended_on: endedOn, updated_by: access.user.id, updated_at: dbNow() })
  return { before, after: await findAsset(access, id) }
}
