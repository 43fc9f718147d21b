import { test } from '@japa/runner'
import { ConnectorError } from '#core/connectors/connector_error'
import type { BankSystems } from '../../../bank-systems/adapters/contracts.js'
import { loadPrefill } from '../../plans/prefill.js'

/*
| The prefill's rules without HTTP: each section stands alone (a throw, a
| breaker or a hang marks only its own section), 智能预警 is asked once for its
| two sections, and related parties are the customer's direct neighbours.
*/
const subject = { customerNo: 'CU1', loans: [{ loanNo: 'L1' }] }

function fakeSystems(overrides: Partial<Record<string, unknown>> = {}) {
  let alertCalls = 0
  const systems = {
    coreBanking: {
      loanBalance: async (loanNo: string) => ({
        loanNo,
        principal: '100.00',
        normalInterest: '1.00',
        overdueInterest: '0.00',
        penaltyInterest: '0.00',
        compoundInterest: '0.00',
        asOf: '2026-12-02',
      }),
    },
    creditLimit: { creditLines: async () => [] },
    warning: {
      alerts: async () => {
        alertCalls++
        return [
          {
            kind: 'litigation',
            title: '涉诉',
            occurredOn: '2026-01-01',
            source: 'x',
            level: 'high',
          },
          {
            kind: 'equity_change',
            title: '股权',
            occurredOn: '2026-02-01',
            source: 'y',
            level: 'low',
          },
        ]
      },
    },
    riskControl: {
      relationshipGraph: async () => ({
        nodes: [
          { id: 'C:CU1', name: '本客户', kind: 'customer' },
          { id: 'C:CU2', name: '关联公司', kind: 'customer' },
          { id: 'P:张三', name: '张三', kind: 'person' },
        ],
        links: [
          { source: 'C:CU1', target: 'C:CU2', relation: 'group' },
          { source: 'C:CU2', target: 'C:CU1', relation: 'group' },
          { source: 'P:张三', target: 'C:CU1', relation: 'guarantee' },
          { source: 'P:张三', target: 'C:CU2', relation: 'legal_rep' },
        ],
      }),
    },
    ...overrides,
  } as unknown as BankSystems
  return { systems, alertCalls: () => alertCalls }
}

test.group('disposal: plan prefill sections', () => {
  test('every section ok: one 智能预警 call split in two, neighbours deduplicated', async ({
    assert,
  }) => {
    const fake = fakeSystems()
    const sections = await loadPrefill(subject, fake.systems, 1000)
    assert.deepEqual(
      sections.map((s) => [s.section, s.status]),
      [
        ['principal', 'ok'],
        ['creditLines', 'ok'],
        ['litigation', 'ok'],
        ['assetChanges', 'ok'],
        ['related', 'ok'],
      ]
    )
    assert.equal(fake.alertCalls(), 1)
    assert.deepEqual(
      (sections[2].data as any[]).map((a) => a.kind),
      ['litigation']
    )
    assert.deepEqual(
      (sections[3].data as any[]).map((a) => a.kind),
      ['equity_change']
    )
    assert.deepEqual(sections[4].data, [
      { id: 'C:CU2', name: '关联公司', kind: 'customer', relation: 'group' },
      { id: 'P:张三', name: '张三', kind: 'person', relation: 'guarantee' },
    ])
  })

  test('a breaker, a hang and a bug each mark only their own section', async ({ assert }) => {
    const fake = fakeSystems({
      coreBanking: {
        loanBalance: async () => {
          throw new ConnectorError('breaker_open', 'open', 'core-banking', 'loan-balance')
        },
      },
      creditLimit: { creditLines: () => new Promise(() => {}) },
      riskControl: {
        relationshipGraph: async () => {
          throw new TypeError('bad shape')
        },
      },
    })
    const started = Date.now()
    const sections = await loadPrefill(subject, fake.systems, 200)
    assert.isBelow(Date.now() - started, 2000)
    const by = Object.fromEntries(sections.map((s) => [s.section, s]))
    assert.equal(by.principal.message, '核心系统：熔断中，暂停调用')
    assert.equal(by.creditLines.message, '统一授信：响应超时')
    assert.equal(by.related.message, '智能风控：返回了无法识别的结果')
    assert.equal(by.litigation.status, 'ok')
    assert.equal(by.assetChanges.status, 'ok')
  })

  test('without adapters every section is unavailable, and nothing throws', async ({ assert }) => {
    const sections = await loadPrefill(subject, null, 200)
    assert.isTrue(sections.every((s) => s.status === 'unavailable'))
    assert.include(sections[0].message, '未配置外部系统适配器')
  })
})
