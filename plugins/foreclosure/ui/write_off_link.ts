/*
| 提议核销: the write-off plugin's 核销方案申报 page, opened filled through its
| documented query parameters (?loanId=&title=&reasons=) — a link, not a call
| into write-off's code. The reasons name the receipt, what it settled and the
| claim kept per bucket (buckets with nothing kept are left out).
*/
import { formatMoney } from '@/utils/money'
import { BUCKETS, type ReceiptDetail } from './api'

type Loan = ReceiptDetail['loans'][number]
type Receipt = Pick<ReceiptDetail, 'receiptNo' | 'assetName' | 'customerName' | 'postedOn'>

export function writeOffLink(receipt: Receipt, loan: Loan) {
  const kept = BUCKETS.filter(([key]) => loan.shortfall[key] !== '0.00')
    .map(([key, zh]) => `${zh} ${formatMoney(loan.shortfall[key])}`)
    .join('，')
  const reasons =
    `以资抵债 ${receipt.receiptNo}（${receipt.assetName}）` +
    `${receipt.postedOn ? `已于 ${receipt.postedOn} ` : ''}入账，` +
    `抵偿 ${formatMoney(loan.settledTotal)} 元后，借据 ${loan.loanNo} 剩余债权 ` +
    `${formatMoney(loan.shortfallTotal)} 元（${kept}），提议核销。`
  return {
    path: '/p/write-off/PlanApply',
    query: {
      loanId: String(loan.loanId),
      title: `${receipt.customerName} ${loan.loanNo} 以资抵债后剩余债权核销`,
      reasons,
    },
  }
}
