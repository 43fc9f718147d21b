/*
| 收入登记管理: the asset's custody income (rent, deposit, other) and expenses
| (custody fee, repairs, property fee, taxes …). An expense is recorded in the
| expenses plugin too (its public service: approval, payment posting, 费用台账),
| keyed by the entry, so a retried request is one expense. Rent registered
| against a lease moves the lease's next due date.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { Money } from '#core/money/money'
import { dbNow } from '#core/db/db_time'
import { recordExpense } from '../../expenses/services/expenses_api.js'
import { ForeclosedAssetError } from '../assets/asset_error.js'
import { auditAsset, type Actor } from '../assets/audit_asset.js'
import { ASSET_LOANS } from '../assets/receive.js'
import { LEASES, rentReceived } from './lease_service.js'

export const ENTRIES = 'foreclosed_assets_entries'
export const INCOME_KINDS = ['rent', 'deposit', 'other_income'] as const
export const EXPENSE_KINDS = [
  'custody_fee',
  'repair',
  'property_fee',
  'tax',
  'other_expense',
] as const
/* The expenses plugin's fee kind for each custody expense. */
const FEE_KIND: Record<string, string> = {
  custody_fee: 'custody_fee',
  repair: 'other',
  property_fee: 'other',
  tax: 'transfer_tax',
  other_expense: 'other',
}

export interface EntryInput {
  direction: 'income' | 'expense'
  kind: string
  amount: string
  entryDate: string
  leaseId?: number | null
  payee?: string | null
  remark?: string | null
}

export async function registerEntry(
  trx: TransactionClientContract,
  asset: Record<string, any>,
  input: EntryInput,
  actor: Actor
) {
  const kinds: readonly string[] = input.direction === 'income' ? INCOME_KINDS : EXPENSE_KINDS
  if (!kinds.includes(input.kind))
    throw new ForeclosedAssetError(
      422,
      '收支类型与方向不符',
      'Kind does not match the direction',
      'kind'
    )
  let lease: Record<string, any> | null = null
  if (input.leaseId) {
    lease = await trx.from(LEASES).where('id', input.leaseId).where('asset_id', asset.id).first()
    if (!lease)
      throw new ForeclosedAssetError(422, '租约不属于该资产', 'Lease of another asset', 'leaseId')
  }
  if (input.direction === 'expense' && !input.payee)
    throw new ForeclosedAssetError(422, '支出须填写收款方', 'An expense needs the payee', 'payee')
  const amount = Money.fromYuan(input.amount)
  const [id] = await trx.table(ENTRIES).insert({
    asset_id: asset.id,
    org_id: asset.org_id,
    lease_id: lease?.id ?? null,
    direction: input.direction,
    kind: input.kind,
    amount_fen: amount.toFen(),
    entry_date: input.entryDate,
    remark: input.remark ?? null,
    created_by: actor.userId,
    created_at: dbNow(),
  })
  let expenseNo: string | null = null
  if (input.direction === 'expense') {
    const loans = await trx.from(ASSET_LOANS).where('asset_id', asset.id).orderBy('loan_id')
    const { expense } = await recordExpense(trx, {
      feeKind: FEE_KIND[input.kind],
      customerId: Number(asset.customer_id),
      loanIds: loans.map((l) => Number(l.loan_id)),
      payer: '本行',
      payee: input.payee!,
      amount: amount.toYuan(),
      expenseDate: input.entryDate,
      recoverable: false,
      ...(input.remark ? { remark: input.remark } : {}),
      source: {
        plugin: 'foreclosed-assets',
        kind: 'asset',
        id: String(asset.id),
        label: `抵债资产 ${asset.asset_no}`,
        link: `/p/foreclosed-assets/CustodyBasic?id=${asset.id}`,
      },
      requestKey: `entry:${id}`,
      operatorId: actor.userId,
      // The asset's scope was checked here; the loans' 管户人 may be another person
      // than the asset's manager, so the expense is named as a system call.
      ctx: actor.ctx,
    })
    expenseNo = expense.expenseNo
    await trx.from(ENTRIES).where('id', id).update({ expense_id: expense.id })
  }
  if (lease && input.kind === 'rent') await rentReceived(trx, lease)
  await auditAsset(trx, actor, {
    action: `entry.${input.direction}`,
    entityType: 'foreclosed_asset_entry',
    id: Number(id),
    after: { assetId: asset.id, ...input, amount: amount.toYuan(), expenseNo },
  })
  return { id: Number(id), expenseNo }
}

export async function recordReconciliation(
  trx: TransactionClientContract,
  asset: Record<string, any>,
  input: { checkedOn: string; physicalState: string; matches: boolean; difference?: string | null },
  actor: Actor
) {
  if (!input.matches && !input.difference)
    throw new ForeclosedAssetError(
      422,
      '账实不符须说明差异',
      'Describe the difference',
      'difference'
    )
  const [id] = await trx.table('foreclosed_assets_reconciliations').insert({
    asset_id: asset.id,
    org_id: asset.org_id,
    checked_on: input.checkedOn,
    book_value_fen: String(asset.book_value_fen),
    physical_state: input.physicalState,
    matches: input.matches,
    difference: input.difference ?? null,
    created_by: actor.userId,
    created_at: dbNow(),
  })
  await auditAsset(trx, actor, {
    action: 'reconciliation.create',
    entityType: 'foreclosed_asset_reconciliation',
    id: Number(id),
    after: { assetId: asset.id, ...input },
  })
  return { id: Number(id) }
}
