/*
| A recovery's method (credit-assets' credit_assets_recovery_method, tagged
| by 交易流水确认) as a disposal outcome: which disposal_method it counts under
| for 资产处置台账 and 目标管理, and which amounts it moves.
|
| - 现金清收, 转让回款, 重组回收, 诉讼执行回款: cash recovered = the whole
|   payment, 压降 = its principal part.
| - 以资抵债: the payment is the value of the asset taken, so non-cash
|   recovered (not 清收 cash), 压降 = principal.
| - 核销后收回: cash recovered on a loan already written off — the write-off
|   took the balance out, so no 压降 a second time.
| A method a bank adds on 字典管理 counts as 清收 (cash) until mapped here.
*/
import { Money } from '#core/money/money'
import type { Recovery } from './credit_assets.js'

const DISPOSAL_METHOD: Record<string, string> = {
  cash: 'collection',
  foreclosure: 'debt_for_asset',
  write_off: 'write_off',
  transfer: 'transfer',
  restructuring: 'restructuring',
  litigation: 'litigation',
}

export const disposalMethodOf = (recoveryMethod: string | null) =>
  DISPOSAL_METHOD[recoveryMethod ?? 'cash'] ?? 'collection'

export function recoveryOutcomeFigures(r: Recovery) {
  const total = Money.fromFen(r.cashFen).toYuan()
  const principal = Money.fromFen(r.principalFen).toYuan()
  const method = disposalMethodOf(r.recoveryMethod)
  if (r.recoveryMethod === 'foreclosure')
    return { method, cashRecovered: '0.00', nonCashRecovered: total, balanceReduced: principal }
  if (r.recoveryMethod === 'write_off')
    return { method, cashRecovered: total, balanceReduced: '0.00' }
  return { method, cashRecovered: total, balanceReduced: principal }
}
