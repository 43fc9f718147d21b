/*
| 批量转让费用管理 through the expenses plugin: 评估费, 拍卖费, 公告费, 过户税费 of a
| package, with the package as the source. The expenses plugin books every
| expense against a customer; a package fee is booked against the package's
| largest debtor (by principal) and says so in its remark — the 费用台账 then
| carries it, and the package's fees are read back by source.
*/
import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import type { UserAccess } from '#core/identity/user_access'
import { recordExpense, listFor, totalsFor } from '../../expenses/services/expenses_api.js'
import { ITEMS, packageRow } from './store.js'
import { BatchError } from './batch_error.js'

export const feeSource = (packageId: number) => ({
  plugin: 'batch-disposal',
  kind: 'package',
  id: packageId,
})

export async function recordFee(
  access: UserAccess,
  packageId: number,
  input: {
    feeKind: string
    payee: string
    amount: string
    expenseDate: string
    recoverable: boolean
  },
  ctx?: HttpContext
) {
  const pkg = await packageRow(access, packageId, true)
  if (['draft', 'returned', 'rejected'].includes(pkg.status))
    throw new BatchError(409, '资产包尚未提交审批，不能登记费用')
  const largest = await db
    .from(ITEMS)
    .where('package_id', packageId)
    .groupBy('customer_id')
    .select('customer_id', db.raw('SUM(principal_fen) as p'))
    .orderBy('p', 'desc')
    .orderBy('customer_id')
    .first()
  if (!largest) throw new BatchError(409, '资产包中没有资产')
  return db.transaction(async (trx) => {
    const { expense } = await recordExpense(trx, {
      feeKind: input.feeKind,
      customerId: Number(largest.customer_id),
      loanIds: [],
      payer: '本行',
      payee: input.payee,
      amount: input.amount,
      expenseDate: input.expenseDate,
      recoverable: input.recoverable,
      remark: `批量转让资产包 ${pkg.package_no} 整包费用`,
      source: {
        ...feeSource(packageId),
        label: pkg.package_no,
        link: `/p/batch-disposal/Fees?package=${packageId}`,
      },
      operatorId: access.user.id,
      ctx,
    } as any)
    return expense
  })
}

export async function feesOf(access: UserAccess, packageId: number) {
  await packageRow(access, packageId)
  return listFor(feeSource(packageId), access)
}

export async function feeTotals(packageId: number) {
  const [t] = await totalsFor([feeSource(packageId)])
  return t?.total ?? '0.00'
}
