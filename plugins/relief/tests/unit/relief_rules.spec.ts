import { test } from '@japa/runner'
import { allocatePayment, DEFAULT_ORDER, zeroAmounts, type Amounts } from '../../plan/buckets.js'
import { checkRules, DEFAULT_RULES, type RuleFacts, type RuleRecord } from '../../plan/rules.js'

/*
| The pure parts of 债权减免: 价款分配 in the plan's order, and each business rule
| at its edge (the percentage exactly at the limit passes, one fen above goes to
| the committee).
*/
const rules: RuleRecord[] = DEFAULT_RULES.map((r, n) => ({ ...r, id: n + 1, enabled: true }))
const facts = (change: Partial<RuleFacts> = {}): RuleFacts => ({
  debtorRole: 'borrower',
  releasesBorrower: true,
  conditions: null,
  reliefPrincipalFen: 0n,
  reliefInterestFen: 50_00n,
  interestOwedFen: 100_00n,
  loans: [{ loanNo: 'L1', fiveClass: 'substandard' }],
  committeeDecision: null,
  permissions: { has: () => false },
  ...change,
})
const amounts = (change: Partial<Amounts>): Amounts => ({ ...zeroAmounts(), ...change })

test.group('relief: 价款分配', () => {
  test('fills the buckets in the plan order, loan by loan within a bucket', ({ assert }) => {
    const due = [
      {
        loanId: 1,
        loanNo: 'A',
        amounts: amounts({ penalty: 100n, onInterest: 300n, principal: 1000n }),
      },
      { loanId: 2, loanNo: 'B', amounts: amounts({ penalty: 50n, principal: 500n }) },
    ]
    const { lines, unapplied } = allocatePayment(600n, DEFAULT_ORDER, due)
    assert.deepEqual(
      lines.map((l) => [l.loanNo, l.bucket, l.amountFen]),
      [
        ['A', 'penalty', '100'],
        ['B', 'penalty', '50'],
        ['A', 'onInterest', '300'],
        ['A', 'principal', '150'],
      ]
    )
    assert.equal(unapplied, 0n)
    // Principal first when the plan says so.
    const principalFirst = allocatePayment(
      600n,
      ['principal', 'penalty', 'compound', 'onInterest', 'offInterest'],
      due
    )
    assert.deepEqual(
      principalFirst.lines.map((l) => [l.loanNo, l.bucket, l.amountFen]),
      [['A', 'principal', '600']]
    )
    // More than the debt: the rest is reported, never placed.
    assert.equal(allocatePayment(2000n, DEFAULT_ORDER, due).unapplied, 50n)
  })
})

test.group('relief: rules', () => {
  test('interest percentage: exactly 50% passes, one fen above goes to the committee', ({
    assert,
  }) => {
    assert.isNull(checkRules(rules, facts()).needsCommittee)
    assert.equal(
      checkRules(rules, facts({ reliefInterestFen: 50_01n })).needsCommittee?.code,
      'interest_percent'
    )
    assert.isNull(
      checkRules(rules, facts({ reliefInterestFen: 50_01n, committeeDecision: 'passed' }))
        .needsCommittee
    )
    assert.equal(
      checkRules(rules, facts({ reliefInterestFen: 50_01n, committeeDecision: 'rejected' }))
        .failures[0].status,
      409
    )
  })

  test('five class: 次级 passes, 关注 fails naming the loan', ({ assert }) => {
    assert.lengthOf(checkRules(rules, facts()).failures, 0)
    const failed = checkRules(
      rules,
      facts({ loans: [{ loanNo: 'L9', fiveClass: 'special_mention' }] })
    )
    assert.equal(failed.failures[0].rule, 'min_five_class')
    assert.include(failed.failures[0].zh, 'L9')
  })

  test('principal: the permission, and the head-office chain either way', ({ assert }) => {
    const without = checkRules(rules, facts({ reliefPrincipalFen: 1n }))
    assert.equal(without.failures[0].rule, 'principal_head_office')
    const withIt = checkRules(
      rules,
      facts({ reliefPrincipalFen: 1n, permissions: { has: (c) => c === 'relief:plan:principal' } })
    )
    assert.lengthOf(withIt.failures, 0)
    assert.isTrue(withIt.headOffice)
  })

  test('guarantor: releasing the borrower must be stated; a disabled rule is not checked', ({
    assert,
  }) => {
    const guarantor = facts({
      debtorRole: 'guarantor',
      releasesBorrower: true,
      conditions: '按期还款',
    })
    assert.equal(checkRules(rules, guarantor).failures[0].rule, 'guarantor_release')
    assert.lengthOf(
      checkRules(rules, { ...guarantor, conditions: '还清后免除借款人保证责任以外的债务' })
        .failures,
      0
    )
    assert.lengthOf(checkRules(rules, { ...guarantor, releasesBorrower: false }).failures, 0)
    const off = rules.map((r) => (r.code === 'guarantor_release' ? { ...r, enabled: false } : r))
    assert.lengthOf(checkRules(off, guarantor).failures, 0)
  })
})
