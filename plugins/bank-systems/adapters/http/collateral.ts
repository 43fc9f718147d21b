/* 押品管理 over HTTP. */
import { ConnectorError } from '#core/connectors/connector_error'
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

  async detail(collateralNo) {
    let r: any
    try {
      r = await esbCall<any>('collateral', 'collateral-detail', { collateralNo })
    } catch (error) {
      // 押品管理 does not know the number: no detail (an outage still throws).
      if (error instanceof ConnectorError && error.httpStatus === 404) return null
      throw error
    }
    return {
      collateralNo: r.collateralNo,
      kind: r.kind,
      description: r.description,
      location: r.location,
      certificates: r.certificates,
      status: r.status,
      appraisals: (r.appraisals ?? []).map((a: any) => ({
        valuedOn: a.valuedOn,
        appraisedValue: yuan(a.appraisedValueFen),
        appraiser: a.appraiser,
      })),
    }
  },
}
