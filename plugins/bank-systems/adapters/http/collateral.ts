/* 押品管理 over HTTP. */
import type { CollateralAdapter } from '../contracts.js'
import { esbCall, yuan } from './esb.js'

export const httpCollateral: CollateralAdapter = {
  async collaterals(customerNo) {
    const rows = await esbCall<any[]>('collateral', 'collaterals', { customerNo })
    return rows.map((r) => ({
      collateralNo: r.collateralNo,
      kind: r.kind,
      description: r.description,
      appraisedValue: yuan(r.appraisedValueFen),
      valuedOn: r.valuedOn,
      status: r.status,
    }))
  },
}
