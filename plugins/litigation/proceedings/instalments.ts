/*
| An instalment schedule (分期履行) of a 和解/调解/执行和解: dates strictly ascending,
| each amount above zero, and the instalments adding up to the plan's amount to the
| fen. Pure: returns the first problem with the field it belongs to, or null.
*/
import { Money } from '#core/money/money'

export interface Instalment {
  dueDate: string
  amount: string
}

export function scheduleProblem(
  amount: string,
  instalments: Instalment[]
): { field: string; message: string } | null {
  for (const [i, item] of instalments.entries()) {
    if (Money.fromYuan(item.amount).isZero() || Money.fromYuan(item.amount).isNegative())
      return { field: `instalments.${i}.amount`, message: `第 ${i + 1} 期金额须大于 0` }
    if (i > 0 && item.dueDate <= instalments[i - 1].dueDate)
      return {
        field: `instalments.${i}.dueDate`,
        message: `第 ${i + 1} 期还款日须晚于第 ${i} 期`,
      }
  }
  if (!instalments.length) return null
  const total = Money.sum(instalments.map((item) => Money.fromYuan(item.amount)))
  if (!total.equals(Money.fromYuan(amount)))
    return {
      field: 'instalments',
      message: `分期合计 ${total.toYuan()} 元与方案金额 ${Money.fromYuan(amount).toYuan()} 元不一致`,
    }
  return null
}
