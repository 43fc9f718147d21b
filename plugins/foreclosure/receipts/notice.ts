/*
| 以资抵债通知单's data: the receipt, the asset, and per loan what the 抵债金额
| settled by bucket and what stays owed (the claim kept). Plain values only;
| the template escapes every one ({{x}}).
*/
import { businessDate } from '#core/business_day/business_date'
import { ASSET_CLASSES, WAYS } from './dictionaries.js'
import type { receiptDetail } from './store.js'

const label = (rows: readonly (readonly string[])[], code: string) =>
  rows.find((r) => r[0] === code)?.[1] ?? code

export async function noticeData(d: Awaited<ReturnType<typeof receiptDetail>>) {
  return {
    receiptNo: d.receiptNo,
    customerName: d.customerName,
    wayLabel: label(WAYS, d.way),
    classLabel: label(ASSET_CLASSES, d.assetClass),
    assetName: d.assetName,
    location: d.location ?? '—',
    certificates: d.certificates ?? '—',
    rulingNo: d.rulingNo ?? '—',
    appraisedValue: d.appraisedValue,
    agreedValue: d.agreedValue,
    taxesAndFees: d.taxesAndFees,
    bookValue: d.bookValue,
    owed: d.owed,
    shortfall: d.shortfall,
    hasShortfall: d.shortfall !== '0.00',
    acquiredOn: d.acquiredOn,
    postedOn: d.postedOn,
    loans: d.loans,
    date: await businessDate.current(),
  }
}
