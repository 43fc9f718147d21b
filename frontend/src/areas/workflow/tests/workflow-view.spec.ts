import { describe, expect, it } from 'vitest'
import {
  actionNeeds,
  blankNode,
  chainPayload,
  isOverdue,
  shanghaiToday,
} from '@/areas/workflow/components/workflow_view'

describe('workflow console rules', () => {
  it('asks for a reason on reject and return, a user on transfer and add-signer', () => {
    expect(actionNeeds('approve')).toMatchObject({ commentRequired: false, user: false })
    expect(actionNeeds('reject').commentRequired).toBe(true)
    expect(actionNeeds('return')).toMatchObject({ commentRequired: true, returnTarget: true })
    expect(actionNeeds('transfer').user).toBe(true)
    expect(actionNeeds('add-signer').user).toBe(true)
    expect(actionNeeds('withdraw').confirmOnly).toBe(true)
  })

  it('marks a due date overdue only after the day', () => {
    expect(isOverdue('2026-12-01', '2026-12-02')).toBe(true)
    expect(isOverdue('2026-12-02', '2026-12-02')).toBe(false)
    expect(isOverdue(null, '2026-12-02')).toBe(false)
  })

  it("takes today's date in Shanghai, not the browser's zone", () => {
    // 2026-12-01 17:30 UTC is already 2026-12-02 in Shanghai.
    expect(shanghaiToday(new Date('2026-12-01T17:30:00Z'))).toBe('2026-12-02')
  })

  it('builds the chain payload and names the first problem', () => {
    const node = {
      ...blankNode(),
      name: { zh: ' 分行审批 ', en: '' },
      roles: ['branch_asset_manager'],
    }
    expect(chainPayload('internal', [])).toEqual({ problem: { key: 'nodesRequired' } })
    expect(chainPayload('external', [])).toEqual({ nodes: [] })
    expect(chainPayload('internal', [{ ...node, roles: [] }])).toEqual({
      problem: { key: 'approversRequired', seq: 1 },
    })
    expect(chainPayload('internal', [{ ...node, minAmount: '1.234' }])).toEqual({
      problem: { key: 'badAmount', seq: 1 },
    })
    expect(
      chainPayload('internal', [{ ...node, minAmount: '1,000,000.00', deadlineDays: 3 }])
    ).toEqual({
      nodes: [
        {
          name: { zh: '分行审批', en: '分行审批' },
          org: 'same',
          roles: ['branch_asset_manager'],
          posts: [],
          users: [],
          mode: 'any',
          minAmount: '1000000.00',
          deadlineDays: 3,
        },
      ],
    })
  })
})
