import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { Localized } from '#core/plugins/types'

/*
| The item kinds other plugins register (committee_api.registerItemKind): what a
| kind is called and what happens in the submitting plugin when the committee
| decides an item of that kind. Held per process: each plugin registers its kinds
| from its manifest's `startup` hook (or its service module), so the web process
| that announces a decision knows them. An item whose kind is not registered in
| the announcing process is refused (409), never decided without its callback.
*/

/** 通过 / 不通过 / 复议. */
export type CommitteeDecision = 'passed' | 'rejected' | 'reconsider'

export interface RecordRef {
  /** The submitting plugin's id. */
  plugin: string
  /** The record's kind inside that plugin (`plan`, `batch` …). */
  kind: string
  id: string | number
}

export interface DecidedItem {
  id: number
  kind: string
  title: string
  /** Yuan text. */
  amount: string
  recordRef: { plugin: string; kind: string; id: string }
  orgId: number
}

export interface DecidedContext {
  /** The announcement's transaction: write through it only; a throw rolls the announcement back. */
  trx: TransactionClientContract
  item: DecidedItem
  decision: CommitteeDecision
  /** 决议编号, e.g. 总资委决〔2026〕3号. */
  resolutionNo: string
  meeting: { id: number; meetingNo: string; type: string; date: string }
  /** The tally as announced (counts per option, quorum facts). */
  result: Record<string, unknown>
  /** The user who announced. */
  actorId: number
}

export interface ItemKindDefinition {
  label: Localized
  /** Runs inside the announcing transaction. */
  onDecided: (ctx: DecidedContext) => Promise<void>
  /** Console path of the submitting record (opened from the agenda), e.g. `/p/write-off/Plans?id=7`. */
  link?: (recordId: string) => string
}

const KIND = /^[a-z][a-z0-9-]{1,39}:[a-z][a-z0-9_-]{0,38}$/

const kinds = new Map<string, ItemKindDefinition>()

export function registerItemKind(kind: string, definition: ItemKindDefinition) {
  if (!KIND.test(kind))
    throw new Error(`committee item kind "${kind}" must be "<plugin id>:<name>"`)
  if (!definition.label?.zh || !definition.label?.en)
    throw new Error(`committee item kind "${kind}": label needs zh and en`)
  if (typeof definition.onDecided !== 'function')
    throw new Error(`committee item kind "${kind}": onDecided is required`)
  // Registering again replaces (a restarted startup, a test re-registering its kind).
  kinds.set(kind, definition)
}

export const itemKind = (kind: string) => kinds.get(kind)

export const registeredKinds = () =>
  [...kinds.entries()].map(([kind, d]) => ({ kind, label: d.label }))

export const pluginOfKind = (kind: string) => kind.slice(0, kind.indexOf(':'))

/*
| The committee's own kind: 临时议题 (a matter the secretary puts on a meeting's
| agenda directly, not from a business plugin). Its decision lives in the
| committee's record alone, so nothing else has to happen.
*/
registerItemKind('committee:motion', {
  label: { zh: '临时议题', en: 'Motion' },
  onDecided: async () => {},
})
