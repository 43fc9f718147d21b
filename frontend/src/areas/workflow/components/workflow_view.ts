/*
| Console rules of 授权及流程 kept out of the components so Vitest checks them:
| what each action asks for, overdue marks, and the chain editor's payload.
*/
import type { ChainNode, WorkflowAction } from '@/areas/workflow/api'
import { MONEY_INPUT, normalizeMoneyInput } from '@/utils/money'

/** What the action dialog asks for (the server enforces the same: reject/return need a reason). */
export function actionNeeds(action: WorkflowAction) {
  return {
    commentRequired: action === 'reject' || action === 'return',
    user: action === 'transfer' || action === 'add-signer',
    returnTarget: action === 'return',
    /** Withdraw and resubmit are the applicant's; a confirmation is enough. */
    confirmOnly: action === 'withdraw' || action === 'resubmit',
  }
}

/** A due date (calendar date) is overdue once today is after it. */
export function isOverdue(dueDate: string | null, today: string): boolean {
  return Boolean(dueDate) && dueDate! < today
}

/** Today's calendar date in the bank's time zone (moved to utils/date; kept for importers). */
export { shanghaiToday } from '@/utils/date'

export type EditorNode = Omit<ChainNode, 'seq' | 'minAmount'> & { minAmount: string }

export function toEditorNode(node: ChainNode): EditorNode {
  const { seq: _seq, ...rest } = node
  return { ...rest, minAmount: node.minAmount ?? '' }
}

export function blankNode(): EditorNode {
  return {
    name: { zh: '', en: '' },
    org: 'same',
    roles: [],
    posts: [],
    users: [],
    mode: 'any',
    minAmount: '',
    deadlineDays: null,
  }
}

export type PayloadProblem =
  | { key: 'nodesRequired' }
  | { key: 'approversRequired'; seq: number }
  | { key: 'nameRequired'; seq: number }
  | { key: 'badAmount'; seq: number }

/**
 * The chain editor's nodes as the API takes them: names trimmed (the English
 * name falls back to the Chinese one), an empty threshold is "no tier". Returns
 * the first problem instead when the chain cannot be saved.
 */
export function chainPayload(
  mode: 'internal' | 'external',
  nodes: EditorNode[]
): { problem: PayloadProblem } | { nodes: Array<Omit<ChainNode, 'seq'>> } {
  if (mode === 'internal' && nodes.length === 0) return { problem: { key: 'nodesRequired' } }
  const out: Array<Omit<ChainNode, 'seq'>> = []
  for (const [i, node] of nodes.entries()) {
    const seq = i + 1
    const zh = node.name.zh.trim()
    if (!zh) return { problem: { key: 'nameRequired', seq } }
    if (!node.roles.length && !node.posts.length && !node.users.length)
      return { problem: { key: 'approversRequired', seq } }
    const amount = normalizeMoneyInput(node.minAmount)
    if (amount && !MONEY_INPUT.test(amount)) return { problem: { key: 'badAmount', seq } }
    out.push({
      name: { zh, en: node.name.en.trim() || zh },
      org: node.org,
      roles: node.roles,
      posts: node.posts,
      users: node.users,
      mode: node.mode,
      minAmount: amount || null,
      deadlineDays: node.deadlineDays || null,
    })
  }
  return { nodes: out }
}
