import { test } from '@japa/runner'
import { checkRule, describeGap, type RuleRecord } from '../../rules/check.js'
import { DEFAULT_RULES } from '../../rules/default_rules.js'

/*
| 核销条件 as the rule reads: the small-amount simplified procedure applies up
| to and including its ceiling, from its minimum days on; every required
| document must be on file; a missing one is named with the rule.
*/
const rule = (code: string): RuleRecord => {
  const seed = DEFAULT_RULES.find((r) => r.code === code)!
  return {
    ...seed,
    maxBalanceFen: seed.maxBalanceFen ?? null,
    minOverdueDays: seed.minOverdueDays ?? null,
    enabled: true,
  }
}
const ALL = ['collection_180', 'recovery_record']

test.group('write-off: 核销条件 (财金〔2017〕90号)', () => {
  test('小额对公：余额恰为 500 万元可适用，多一分即不适用', ({ assert }) => {
    const small = rule('small_corporate')
    const at = checkRule(small, { kind: 'loan', principalFen: '500000000', overdueDays: 200 }, ALL)
    assert.isTrue(at.satisfied)
    const above = checkRule(
      small,
      { kind: 'loan', principalFen: '500000001', overdueDays: 200 },
      ALL
    )
    assert.isFalse(above.applicable)
    assert.deepEqual(above.notApplicable, ['本金余额超过 5000000.00 元'])
  })

  test('追索满 180 天方可适用简化程序：179 天不适用，180 天适用', ({ assert }) => {
    const small = rule('small_personal')
    assert.isFalse(
      checkRule(small, { kind: 'card', principalFen: '100', overdueDays: 179 }, ALL).applicable
    )
    assert.isTrue(
      checkRule(small, { kind: 'card', principalFen: '100', overdueDays: 180 }, ALL).satisfied
    )
  })

  test('破产条件只适用于贷款，缺少的资料逐项列出并点名条件', ({ assert }) => {
    const bankruptcy = rule('bankruptcy')
    const card = checkRule(bankruptcy, { kind: 'card', principalFen: '100', overdueDays: 400 }, [])
    assert.deepEqual(card.notApplicable, ['仅适用于贷款'])
    const loan = checkRule(
      bankruptcy,
      { kind: 'loan', principalFen: '9999999999', overdueDays: 0 },
      ['bankruptcy_ruling']
    )
    assert.isTrue(loan.applicable)
    assert.deepEqual(
      loan.missing.map((d) => d.code),
      ['liquidation_report', 'recovery_record']
    )
    assert.equal(
      describeGap('JJ001', loan),
      'JJ001 不满足核销条件「借款人依法宣告破产、关闭、解散或撤销」：缺少：清算报告或财产分配方案、追索记录及未获清偿说明'
    )
  })

  test('停用的条件不能作为核销依据', ({ assert }) => {
    const off = { ...rule('death'), enabled: false }
    const docs = off.requiredDocs.map((d) => d.code)
    assert.isFalse(
      checkRule(off, { kind: 'loan', principalFen: '1', overdueDays: 1 }, docs).satisfied
    )
  })
})
