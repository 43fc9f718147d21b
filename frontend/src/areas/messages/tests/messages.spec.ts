import { describe, expect, it } from 'vitest'
import type { MessagePreference } from '@/areas/messages/api'
import {
  consolePath,
  deadlineUrgency,
  mutedPayload,
  preferenceRows,
} from '@/areas/messages/components/message-logic'

const reminder: MessagePreference = {
  type: 'deadline.reminder',
  name: { zh: '时效提醒', en: 'Deadline reminder' },
  channels: ['inapp', 'email', 'sms'],
  optional: ['sms'],
  muted: ['sms'],
}
const task: MessagePreference = {
  type: 'workflow.task',
  name: { zh: '待办审批', en: 'Approval task' },
  channels: ['inapp', 'email'],
  optional: ['email'],
  muted: [],
}

describe('message preferences', () => {
  it('in-app is always on and fixed; mandatory channels are fixed; unused ones are off', () => {
    const [row] = preferenceRows([reminder])
    expect(row.switches).toEqual([
      { channel: 'inapp', used: true, on: true, editable: false },
      { channel: 'email', used: true, on: true, editable: false },
      { channel: 'sms', used: true, on: false, editable: true },
    ])
    const [taskRow] = preferenceRows([task])
    expect(taskRow.switches[2]).toEqual({ channel: 'sms', used: false, on: false, editable: false })
  })

  it('saves only the optional channels switched off', () => {
    const rows = preferenceRows([reminder, task])
    expect(mutedPayload(rows)).toEqual([{ type: 'deadline.reminder', channels: ['sms'] }])
    rows[0].switches[2].on = true
    rows[1].switches[1].on = false
    // A fixed switch forced off (e.g. by devtools) is never sent as muted.
    rows[0].switches[1].on = false
    expect(mutedPayload(rows)).toEqual([{ type: 'workflow.task', channels: ['email'] }])
  })
})

describe('deadlines and links', () => {
  it('colours overdue red and the last three working days orange', () => {
    expect(deadlineUrgency({ overdue: true, workingDaysLeft: -2 })).toBe('danger')
    expect(deadlineUrgency({ overdue: false, workingDaysLeft: 3 })).toBe('warning')
    expect(deadlineUrgency({ overdue: false, workingDaysLeft: 0 })).toBe('warning')
    expect(deadlineUrgency({ overdue: false, workingDaysLeft: 4 })).toBe('info')
  })

  it('follows console paths only', () => {
    expect(consolePath('/workflow/instances/3')).toBe('/workflow/instances/3')
    expect(consolePath('//evil.example/x')).toBeNull()
    expect(consolePath('https://evil.example')).toBeNull()
    expect(consolePath(null)).toBeNull()
  })
})
