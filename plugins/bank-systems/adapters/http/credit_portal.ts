/* 信贷门户 over HTTP (single sign-on is the core's; only a reachability check here). */
import type { CreditPortalAdapter } from '../contracts.js'
import { esbCall } from './esb.js'

export const httpCreditPortal: CreditPortalAdapter = {
  async ping() {
    const r = await esbCall<any>('credit-portal', 'ping')
    return { ok: Boolean(r?.ok) }
  },
}
