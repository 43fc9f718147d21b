/*
| A check task's due date on the core 时效提醒 engine: its assignee is reminded
| 5 and 1 working days before and on the day, and once when it is overdue
| (the engine's rule); done or deleted tasks drop their deadline.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { deadlines } from '#core/deadlines/deadline_service'

const key = (taskId: number) => ({
  source: 'inspections',
  kind: 'inspections:task',
  subjectType: 'inspection_task',
  subjectId: String(taskId),
})

export async function taskDeadline(
  trx: TransactionClientContract,
  task: {
    id: number
    taskNo: string
    customerName: string
    dueOn: string
    assigneeId: number | null
    orgId: number
    managerId: number | null
  }
) {
  await deadlines.upsert(
    {
      ...key(task.id),
      title: `日常检查 ${task.taskNo}（${task.customerName}）到期`,
      dueDate: task.dueOn,
      rule: '日常检查计划：检查期末（遇节假日顺延）',
      offsets: [5, 1, 0],
      userIds: task.assigneeId ? [task.assigneeId] : [],
      orgId: task.orgId,
      // Unassigned: whoever may handle it at the customer's org is reminded.
      ...(task.assigneeId ? {} : { permission: 'inspections:result:create' }),
      record: { orgId: task.orgId, ownerId: task.managerId },
      link: `/p/inspections/Tasks?id=${task.id}`,
    },
    trx
  )
}

export const dropTaskDeadline = (trx: TransactionClientContract, taskId: number) =>
  deadlines.remove(key(taskId), trx)
