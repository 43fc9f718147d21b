/*
| The committee's public service (资产处置委员会会议): any plugin (核销, 减免, 转让,
| 批量处置, 抵债资产处置, 处置预案) puts an item on the committee's pool and learns the
| decision through the callback it registered for its kind. Documented in
| docs/plugins.md "Putting an item before the committee".
|
|   // once per process, from the submitting plugin's manifest `startup` hook:
|   registerItemKind('write-off:plan', {
|     label: { zh: '核销方案', en: 'Write-off plan' },
|     link: (id) => `/p/write-off/Plans?id=${id}`,
|     onDecided: ({ trx, item, decision, resolutionNo }) => recordDecision(trx, item.recordRef.id, decision, resolutionNo),
|   })
|   // inside the submitting plugin's own transaction:
|   const itemId = await submitItem(trx, { kind: 'write-off:plan', title, amount: '1500000.00',
|     recordRef: { plugin: 'write-off', kind: 'plan', id: plan.id }, orgId, materials, submittedBy })
*/
export {
  registerItemKind,
  registeredKinds,
  type CommitteeDecision,
  type DecidedContext,
  type DecidedItem,
  type ItemKindDefinition,
  type RecordRef,
} from '../items/kind_registry.js'
export {
  submitItem,
  itemFor,
  withdrawItem,
  type SubmitItemInput,
  type CommitteeItemView,
} from '../items/item_service.js'
export { CommitteeError } from '../items/committee_error.js'
