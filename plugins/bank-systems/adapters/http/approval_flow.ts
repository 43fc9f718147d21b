/* 授权及流程管理 over HTTP (the workflow issue adds the approval-chain calls). */
import type { ApprovalFlowAdapter } from '../contracts.js'
import { esbCall } from './esb.js'

export const httpApprovalFlow: ApprovalFlowAdapter = {
  async ping() {
    const r = await esbCall<any>('approval-flow', 'ping')
    return { ok: Boolean(r?.ok) }
  },
}
