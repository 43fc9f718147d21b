/*
| The messages an approval sends through the notification service (contract N):
| `workflow.task` to each new approver, `workflow.result` to the applicant when
| the approval ends or comes back. Written in the step's transaction, so a
| rolled-back decision sends nothing.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { notify } from '#core/messages/notify'
import { registeredType } from './type_registry.js'
import type { InstanceRow } from './instance_store.js'

/* notify() never throws for a channel failure; its in-app row is written in our trx. */
const send = notify

/** The console page of the approval itself (the business page is in `link` of the list rows). */
export const instancePath = (id: number) => `/workflow/instances/${id}`

export async function typeName(code: string): Promise<string> {
  return (await registeredType(code))?.definition.name.zh ?? code
}

export async function notifyNewTasks(
  trx: TransactionClientContract,
  instance: InstanceRow,
  userIds: number[]
) {
  if (!userIds.length) return
  await send(
    {
      type: 'workflow.task',
      userIds,
      title: `待审批：${await typeName(instance.typeCode)}「${instance.title}」`,
      link: instancePath(instance.id),
      data: { instanceId: instance.id, typeCode: instance.typeCode },
    },
    { trx }
  )
}

const RESULT_TEXT: Record<string, string> = {
  approved: '审批通过',
  rejected: '审批未通过',
  returned: '被退回，请修改后重新提交',
}

export async function notifyResult(trx: TransactionClientContract, instance: InstanceRow) {
  const text = RESULT_TEXT[instance.status]
  if (!text) return
  await send(
    {
      type: 'workflow.result',
      userIds: [instance.applicantId],
      title: `${await typeName(instance.typeCode)}「${instance.title}」${text}`,
      link: instancePath(instance.id),
      data: { instanceId: instance.id, status: instance.status },
    },
    { trx }
  )
}
