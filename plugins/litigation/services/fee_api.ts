/*
| Public: 诉讼费试算 for the rest of the plugin and for other plugins (the case form
| proposes 案件受理费, 保全费 and 执行申请费 with it; the user confirms the figure).
| Pure functions, no database: call them anywhere.
|
|   import { courtFee } from '../services/fee_api.js'
|   courtFee('acceptance', '250000.00', { summaryProcedure: true }).fee // '2525.00'
*/
export {
  courtFee,
  FEE_KINDS,
  FEE_SCHEDULES,
  FeeTrialError,
  type FeeBand,
  type FeeKind,
  type FeeLine,
  type FeeResult,
  type FeeSchedule,
} from '../fees/court_fee.js'
