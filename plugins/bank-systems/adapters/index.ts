/*
| The bank's extension point (扩展点) for external systems. Business plugins use
| `bankSystems.<system>.<method>(…)` — always through this object, never a
| destructured copy — and never call connectors for these systems themselves.
|
| A bank whose 智能预警 (say) speaks another protocol replaces that one adapter
| at boot, e.g. in its own plugin's `startup`:
|
|   import { useAdapter } from '../bank-systems/adapters/index.js'
|   useAdapter('warning', new MyBankWarningAdapter())
|
| No business plugin changes. `useAdapter` returns a function that puts the
| previous implementation back (tests); `resetAdapters()` restores all HTTP ones.
*/
import type { BankSystems } from './contracts.js'
import { httpCoreBanking } from './http/core_banking.js'
import { httpCreditLimit } from './http/credit_limit.js'
import { httpWarning } from './http/warning.js'
import { httpRiskControl } from './http/risk_control.js'
import { httpCollection } from './http/collection.js'
import { httpCollateral } from './http/collateral.js'
import { httpCustomerCenter } from './http/customer_center.js'
import { httpDataPlatform } from './http/data_platform.js'
import { httpImaging } from './http/imaging.js'
import { httpPostLoan } from './http/post_loan.js'
import { httpCreditPortal } from './http/credit_portal.js'
import { httpApprovalFlow } from './http/approval_flow.js'
import { httpMessaging } from './http/messaging.js'

export type * from './contracts.js'

/** The HTTP implementations (connectors.call against the URLs set in 服务管理). */
export const httpBankSystems: Readonly<BankSystems> = Object.freeze({
  coreBanking: httpCoreBanking,
  creditLimit: httpCreditLimit,
  warning: httpWarning,
  riskControl: httpRiskControl,
  collection: httpCollection,
  collateral: httpCollateral,
  customerCenter: httpCustomerCenter,
  dataPlatform: httpDataPlatform,
  imaging: httpImaging,
  postLoan: httpPostLoan,
  creditPortal: httpCreditPortal,
  approvalFlow: httpApprovalFlow,
  messaging: httpMessaging,
})

/** What business plugins call. Mutable only through `useAdapter`. */
export const bankSystems: BankSystems = { ...httpBankSystems }

/** Replaces one system's adapter; returns a function that restores the previous one. */
export function useAdapter<K extends keyof BankSystems>(system: K, implementation: BankSystems[K]) {
  if (!(system in httpBankSystems)) throw new Error(`Unknown bank system "${String(system)}"`)
  const previous = bankSystems[system]
  bankSystems[system] = implementation
  return () => {
    bankSystems[system] = previous
  }
}

/** Puts every HTTP implementation back. */
export function resetAdapters() {
  Object.assign(bankSystems, httpBankSystems)
}
