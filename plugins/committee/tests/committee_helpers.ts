/*
| Test DSL for the committee: two test plugins' item kinds (registered the way a
| real plugin does from its startup hook) whose callbacks write down what they were
| told, and items submitted through the public service in their own transaction.
*/
import db from '@adonisjs/lucid/services/db'
import { registerItemKind, submitItem, type DecidedContext } from '../services/committee_api.js'

export const decided: {
  kind: string
  recordId: string
  decision: string
  resolutionNo: string
  inTrx: boolean
}[] = []

const remember = async (ctx: DecidedContext) => {
  // Proves the callback runs inside the announcing transaction.
  await ctx.trx.from('committee_items').where('id', ctx.item.id).first()
  decided.push({
    kind: ctx.item.kind,
    recordId: ctx.item.recordRef.id,
    decision: ctx.decision,
    resolutionNo: ctx.resolutionNo,
    inTrx: ctx.trx.isTransaction,
  })
}

export function registerTestKinds() {
  registerItemKind('test-writeoff:plan', {
    label: { zh: '核销方案（测试）', en: 'Write-off plan (test)' },
    link: (id) => `/p/test-writeoff/Plans?id=${id}`,
    onDecided: remember,
  })
  registerItemKind('test-transfer:batch', {
    label: { zh: '批量转让（测试）', en: 'Batch transfer (test)' },
    onDecided: remember,
  })
  registerItemKind('test-relief:case', {
    label: { zh: '减免（测试）', en: 'Relief (test)' },
    onDecided: async (ctx) => {
      if (ctx.item.title.includes('拒绝')) throw new Error('减免插件拒绝了该决议')
      await remember(ctx)
    },
  })
}

let counter = 0

export async function orgIdOf(code: string) {
  return Number((await db.from('orgs').where('code', code).firstOrFail()).id)
}

export async function item(
  kind = 'test-writeoff:plan',
  overrides: Partial<{
    title: string
    amount: string
    orgId: number
    parties: number[]
    submittedBy: number
  }> = {}
) {
  const [plugin, recordKind] = kind.split(':')
  const orgId = overrides.orgId ?? (await orgIdOf('000000'))
  const admin = await db.from('users').where('username', 'admin').firstOrFail()
  return db.transaction((trx) =>
    submitItem(trx, {
      kind,
      title: overrides.title ?? `测试事项 ${++counter}`,
      amount: overrides.amount ?? '1500000.00',
      recordRef: { plugin, kind: recordKind, id: `${process.pid}-${++counter}` },
      orgId,
      materials: [{ name: '核销报告.pdf', link: '/p/test-writeoff/Plans?id=1' }],
      submittedBy: overrides.submittedBy ?? admin.id,
      ...(overrides.parties ? { parties: overrides.parties } : {}),
    })
  )
}

/*
| A sitting through the API. `committee()` makes a secretary (prepares and runs
| with the chair) and n members holding the vote permission at an org; `sitting`
| wraps the calls the tests make, each answering the response.
*/
export async function committee(
  n: number,
  orgCode = '000000',
  dataScope: 'all' | 'org_and_below' = 'all'
) {
  const { userWith } = await import('#tests/helpers/auth')
  const secretary = await userWith({
    permissions: ['committee:meeting:list', 'committee:meeting:manage', 'committee:item:list'],
    dataScope,
    orgCode,
  })
  const members = []
  for (let i = 0; i < n; i++)
    members.push(
      await userWith({
        permissions: [
          'committee:meeting:list',
          'committee:meeting:vote',
          'committee:meeting:manage',
        ],
        dataScope,
        orgCode,
      })
    )
  return { secretary, members }
}

export function meetingInput(
  people: Awaited<ReturnType<typeof committee>>,
  orgId: number,
  overrides: Record<string, unknown> = {}
) {
  return {
    meetingType: 'hq',
    title: '2026年第1次资产处置委员会会议',
    meetingDate: '2026-03-16',
    place: '总行 3 楼第一会议室',
    orgId,
    chairId: people.members[0].user.id,
    secretaryId: people.secretary.user.id,
    memberIds: people.members.map((m) => m.user.id),
    ...overrides,
  }
}
