/*
| A loan's collateral as 押品管理 holds it: the book names the loan's 押品
| (credit-assets, scoped through the loan), 押品管理 (bank-systems' `collateral`
| connector) gives each one's type, description, 评估价, valuation date and
| status, and its detail — 坐落位置, 权属证书 and the appraisal history. When 押品管理 does not answer the section is marked unavailable: the
| clerk still sees the loan's collateral numbers and enters the facts by hand,
| and the receipt saves (collateral_checked = false).
*/
import logger from '@adonisjs/core/services/logger'
import type { UserAccess } from '#core/identity/user_access'
import { bookApi } from '../../credit-assets/services/book_api.js'
import { foreclosureBankSystems } from './balances.js'
import { ForeclosureError } from './foreclosure_error.js'

export interface CollateralView {
  loanId: number
  collateralRef: string
  kind: string
  name: string
  bookValue: string
  /** From 押品管理 (null while it is unavailable). */
  description: string | null
  appraisedValue: string | null
  valuedOn: string | null
  status: string | null
  location: string | null
  certificates: string | null
  appraisals: Array<{ valuedOn: string; appraisedValue: string; appraiser: string }>
}

export async function loanCollaterals(access: UserAccess, loanIds: number[]) {
  const rows: CollateralView[] = []
  let customerId: number | null = null
  for (const loanId of loanIds) {
    const loan = await bookApi.loans.byId(loanId, { access })
    if (!loan) throw new ForeclosureError(404, '借据不存在或无权访问')
    customerId = loan.customerId
    const page = await bookApi.collaterals.search(
      { loanIds: [loanId], perPage: 200 },
      {
        access,
      }
    )
    for (const c of page.data as any[])
      rows.push({
        loanId,
        collateralRef: c.collateralRef,
        kind: c.collateralType,
        name: c.name,
        bookValue: c.value,
        description: null,
        appraisedValue: null,
        valuedOn: null,
        status: null,
        location: null,
        certificates: null,
        appraisals: [],
      })
  }
  if (!customerId || !rows.length) return { available: true, message: null, rows }
  const customer = await bookApi.customers.byId(customerId)
  try {
    const system = (await foreclosureBankSystems.get()).collateral
    const answers = await system.collaterals(String(customer?.customerNo ?? ''))
    const byRef = new Map(answers.map((a) => [a.collateralNo, a]))
    for (const r of rows) {
      const a = byRef.get(r.collateralRef)
      if (!a) continue
      r.kind = a.kind || r.kind
      r.description = a.description
      r.appraisedValue = a.appraisedValue
      r.valuedOn = a.valuedOn
      r.status = a.status
      const detail = await system.detail(r.collateralRef)
      if (!detail) continue
      r.location = detail.location
      r.certificates = detail.certificates
      r.appraisals = detail.appraisals
    }
    return { available: true, message: null, rows }
  } catch (error) {
    logger.warn({ err: error }, '押品管理 unavailable')
    return {
      available: false,
      message: '押品管理系统暂不可用：押品信息请手工录入，保存不受影响',
      rows,
    }
  }
}
