/*
| The foreclosed-assets plugin's public service (公开服务): how the foreclosure
| plugin (以资抵债 › 抵债资产收取) hands each received asset to the 抵债资产
| module, and how other plugins read an asset. Documented in docs/plugins.md
| ("Foreclosed assets"). Everything else in the plugin may change.
|
|   import { receiveAsset, findByReceipt } from '../../foreclosed-assets/services/foreclosed_assets_api.js'
|   await db.transaction(async (trx) => {
|     const { id } = await receiveAsset({
|       receiptRef: `receipt:${receipt.id}`, customerId, orgId, loanIds: [12],
|       assetClass: 'real_estate', name: '朝阳区某路1号房产', location, certificates,
|       acquiredOn: '2026-12-07', bookValueFen: '123456700', appraisedValueFen: '130000000',
|       actorId: user.id,
|     }, trx)
|   })
|   const asset = await findByReceipt(`receipt:${receipt.id}`)   // null when not received
|
| receiveAsset is idempotent by receiptRef (a retried call returns the same id,
| also under concurrency). Money is whole fen (bigint or digit string), dates
| 'YYYY-MM-DD' business dates. Invalid input throws ForeclosedAssetError with
| status 422 and `field`; a loan that does not exist or is another customer's,
| 422 on `loanIds`. Pass your transaction: the asset commits with your receipt.
| The third argument (optional) is the request's HttpContext, for the audit entry.
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { assetsWhere, type ForeclosedAsset } from '../assets/asset_read.js'

export { receiveAsset, type ReceiveAssetInput } from '../assets/receive.js'
export { ForeclosedAssetError } from '../assets/asset_error.js'
export type { ForeclosedAsset } from '../assets/asset_read.js'
export type { AssetClass } from '../rules/default_class_rules.js'

/** The asset received under `receiptRef`, or null. */
export async function findByReceipt(
  receiptRef: string,
  trx?: TransactionClientContract
): Promise<ForeclosedAsset | null> {
  const [asset] = await assetsWhere((q) => q.where('receipt_ref', receiptRef), trx ?? db)
  return asset ?? null
}

/** The assets received for any of these loans (a loan's 抵债 history). */
export async function findByLoans(
  loanIds: number[],
  trx?: TransactionClientContract
): Promise<ForeclosedAsset[]> {
  if (!loanIds.length) return []
  return assetsWhere(
    (q) =>
      q
        .whereIn('id', (sub: any) =>
          sub.from('foreclosed_assets_loans').whereIn('loan_id', loanIds).select('asset_id')
        )
        .orderBy('id'),
    trx ?? db
  )
}
