/*
| 审批时限 as 时效提醒: an open task with a due date is a deadline of its
| approver (reminded one working day before, and once overdue, by the core
| reminder engine; shown on the dashboard). It goes away as soon as the task is
| no longer open — decided, transferred, or made unnecessary.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { deadlines } from '#core/deadlines/deadline_service'
import type { InstanceRow } from './instance_store.js'
import { instancePath } from './notify_parties.js'

const key = (taskId: number) => ({
  source: 'system',
  kind: 'workflow:task',
  subjectType: 'wf_task',
  subjectId: String(taskId),
})

export async function addTaskDeadline(
  trx: TransactionClientContract,
  instance: InstanceRow,
  task: { id: number; assigneeId: number; dueDate: string | null; nodeName: string }
) {
  if (!task.dueDate) return
  await deadlines.upsert(
    {
      ...key(task.id),
      title: `审批时限：${instance.title}（${task.nodeName}）`,
      dueDate: task.dueDate,
      rule: '审批节点办理时限（工作日，流程管理中配置）',
      offsets: [1],
      userIds: [task.assigneeId],
      orgId: instance.orgId,
      link: instancePath(instance.id),
    },
    trx
  )
}

/** Drops the deadlines of this instance's tasks that are no longer open. */
export async function closeTaskDeadlines(trx: TransactionClientContract, instanceId: number) {
  const closed = await trx
    .from('wf_tasks')
    .where('instance_id', instanceId)
    .whereNot('status', 'pending')
    .whereNotNull('due_date')
    .select('id')
  for (const row of closed) await deadlines.remove(key(Number(row.id)), trx)
}
