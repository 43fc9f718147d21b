/* 客户中心 over HTTP. */
import type { CustomerCenterAdapter } from '../contracts.js'
import { esbCall } from './esb.js'

export const httpCustomerCenter: CustomerCenterAdapter = {
  async profile(customerNo) {
    const p = await esbCall<any>('customer-center', 'profile', { customerNo })
    return {
      customerNo: p.customerNo,
      name: p.name,
      phone: p.phone ?? null,
      address: p.address ?? null,
      legalRepresentative: p.legalRepresentative ?? null,
    }
  },
}
