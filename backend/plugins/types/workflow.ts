/*
| 审批流程类型: a business type that needs approval (处置预案, 核销方案, 减免方案),
| its default chain and the plugin's handler for the outcome.
| Full rules in backend/workflow/README.md (chains, tiers, actions).
*/
import type { Localized } from './common.js'

export interface WorkflowTypeDefinition {
  /** `<plugin>:<name>`, e.g. `disposal:plan`; never rename a released one. */
  code: string
  name: Localized
  /** Called in the same transaction as the decision; a throw rolls the decision back. */
  handler: () => Promise<{ default: WorkflowHandler }>
  /** Console path of the business page; `{businessId}` is replaced, e.g. '/p/disposal/PlanDetail?id={businessId}'. */
  link: string
  /** The chain installed when the type first appears; administrators edit it afterwards. */
  defaultChain?: ChainNodeDefinition[]
  /** The type carries an amount and its chain may have 授权 tiers (nodes with `minAmount`). */
  amountTiers?: boolean
  /**
   * The business record's read permission, e.g. 'disposal:plan:list'. Someone
   * the chain does not name who takes a task by 转办/加签, or reads the
   * approval, must hold it with the record's org in its data scope.
   */
  permission?: string
}

/** Where a node's approvers sit, relative to the applicant's org. */
export type ChainOrgRelation = 'same' | 'parent' | 'branch' | 'head'

/** One node of an approval chain (审批节点). */
export interface ChainNodeDefinition {
  name: Localized
  /** Approvers: users holding one of `roles` and (when given) one of `posts`, at `org`; plus named `users`. */
  roles?: string[]
  posts?: string[]
  /** Org relative to the applicant's (default `same`). */
  org?: ChainOrgRelation
  /** Usernames approving by name. */
  users?: string[]
  /** any: one approval decides (或签); all: every approver must approve (会签). Default any. */
  mode?: 'any' | 'all'
  /** 授权 tier: the node applies only when the amount is at least this (yuan, 2dp). */
  minAmount?: string
  /** Working days the node has to decide (时限). */
  deadlineDays?: number
}

export interface WorkflowInstanceInfo {
  id: number
  typeCode: string
  businessId: string
  title: string
  /** Yuan with two decimals, or null for a type without amounts. */
  amount: string | null
  applicantId: number
  orgId: number
}

export interface WorkflowHandlerContext {
  instance: WorkflowInstanceInfo
  trx: import('@adonisjs/lucid/types/database').TransactionClientContract
  /** Who took the decision (the applicant for a withdrawal). */
  actorId: number
}

/** A plugin's reaction to the end of an approval; throw to refuse (the message reaches the user). */
export interface WorkflowHandler {
  onApproved?(ctx: WorkflowHandlerContext): Promise<void> | void
  onRejected?(ctx: WorkflowHandlerContext): Promise<void> | void
  onWithdrawn?(ctx: WorkflowHandlerContext): Promise<void> | void
  onReturned?(ctx: WorkflowHandlerContext): Promise<void> | void
  /** The applicant resubmitted a returned approval unchanged from the workflow page (not called when the plugin itself calls submitForApproval again). */
  onResubmitted?(ctx: WorkflowHandlerContext): Promise<void> | void
}
