import type { HttpContext } from '@adonisjs/core/http'
import { chainOptions, listTypes, replaceChain, showChain } from '#core/workflow/chain_admin'
import { chainValidator } from '#core/workflow/validators'

/* Type codes hold a colon (`disposal:plan`); a client may send it encoded (%3A). */
const codeOf = (ctx: HttpContext) => {
  const raw = String(ctx.params.code)
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

/** 系统管理 › 流程管理 (/api/system/workflow, `system:workflow:*`): types and their chains. */
export default class WorkflowChainsController {
  async index() {
    return listTypes()
  }

  async options() {
    return chainOptions()
  }

  async show(ctx: HttpContext) {
    return showChain(codeOf(ctx))
  }

  /** Replaces the chain (and the internal/external switch); audited with before and after. */
  async update(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(chainValidator)
    const code = codeOf(ctx)
    await replaceChain(ctx, code, {
      mode: input.mode,
      nodes: input.nodes.map((n) => ({
        ...n,
        minAmount: n.minAmount ?? undefined,
        deadlineDays: n.deadlineDays ?? undefined,
      })),
    })
    return showChain(code)
  }
}
