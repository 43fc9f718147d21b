/*
| 入账价值 on the form = 抵债金额 + 税费, as the server computes it: whole fen,
| no floating point. Null while either input is not an amount yet.
*/
import { fenToYuan, yuanToFen } from '@/utils/money'

const AMOUNT = /^\d+(\.\d{1,2})?$/

export function bookValueOf(agreed: string, taxes: string): string | null {
  const a = agreed.trim() || '0'
  const t = taxes.trim() || '0'
  if (!AMOUNT.test(a) || !AMOUNT.test(t)) return null
  return fenToYuan((BigInt(yuanToFen(a)) + BigInt(yuanToFen(t))).toString())
}
