import { test } from '@japa/runner'
import { Money } from '#core/money/money'
import {
  checkBidders,
  checkCoverage,
  checkHouseholds,
  checkRuleValue,
  ruleFor,
  type Rule,
} from '../../domain/rules.js'
import { allocatePrice, planPostings } from '../../domain/allocation.js'

/* The rules of 批量处置 at their edges, and the price allocation to the fen. */
const rule = (
  code: Rule['code'],
  value: string,
  modes = ['batch_transfer'],
  enabled = true
): Rule => ({
  code,
  name: code,
  modes,
  value,
  enabled,
  basis: '',
})

test.group('batch-disposal rules', () => {
  test('最少户数: 10 by default, 3 under the pilot; off or another mode = no limit', ({
    assert,
  }) => {
    assert.isNull(checkHouseholds(10, 10))
    assert.include(checkHouseholds(9, 10)!, '仅 9 户')
    assert.isNull(checkHouseholds(3, 3))
    assert.isNotNull(checkHouseholds(2, 3))
    assert.isNull(checkHouseholds(1, null))
    const rules = [rule('min_households', '10')]
    assert.isNull(ruleFor(rules, 'min_households', 'securitization'))
    assert.isNull(
      ruleFor(
        [rule('min_households', '10', ['batch_transfer'], false)],
        'min_households',
        'batch_transfer'
      )
    )
    assert.equal(ruleFor(rules, 'min_households', 'batch_transfer')?.value, '10')
  })

  test('尽调覆盖: at exactly 80 % it passes, a fen below it does not', ({ assert }) => {
    assert.isNull(checkCoverage('8000', '10000', '80'))
    assert.include(checkCoverage('7999', '10000', '80')!, '79.99%')
    assert.isNull(checkCoverage('0', '0', null))
    assert.isNotNull(checkCoverage('0', '0', '80'))
    assert.isNull(checkCoverage('1', '3', '33.33'))
  })

  test('最少竞买人: a round of one is void under 2', ({ assert }) => {
    assert.include(checkBidders(1, 2)!, '竞价无效')
    assert.isNull(checkBidders(2, 2))
    assert.isNull(checkBidders(1, null))
  })

  test('rule values: counts are whole numbers, coverage a percent', ({ assert }) => {
    assert.isNull(checkRuleValue('min_households', '3'))
    assert.isNotNull(checkRuleValue('min_households', '0'))
    assert.isNotNull(checkRuleValue('min_bidders', '2.5'))
    assert.isNull(checkRuleValue('dd_coverage', '80'))
    assert.isNull(checkRuleValue('dd_coverage', '100'))
    assert.isNull(checkRuleValue('dd_coverage', '66.67'))
    assert.isNotNull(checkRuleValue('dd_coverage', '100.5'))
    assert.isNotNull(checkRuleValue('exclude_personal', 'false'))
  })
})

test.group('batch-disposal price allocation', () => {
  const items = (principals: string[], valuations: (string | null)[] = []) =>
    principals.map((p, n) => ({
      itemId: n + 1,
      principalFen: p,
      valuationFen: valuations[n] ?? null,
    }))

  test('by principal: largest remainder, sums exactly to the price', ({ assert }) => {
    const shares = allocatePrice('100', items(['1', '1', '1']), 'principal')
    assert.deepEqual(
      shares.map((s) => s.share.toFen()),
      ['34', '33', '33']
    )
    const many = allocatePrice('28000003', items(Array(10).fill('10000000')), 'principal')
    assert.equal(Money.sum(many.map((s) => s.share)).toFen(), '28000003')
    const odd = allocatePrice('99999', items(['3', '7', '11', '13', '17']), 'principal')
    assert.equal(Money.sum(odd.map((s) => s.share)).toFen(), '99999')
  })

  test('by valuation: the due-diligence values are the weights', ({ assert }) => {
    const shares = allocatePrice('1000', items(['500', '500'], ['300', '100']), 'valuation')
    assert.deepEqual(
      shares.map((s) => s.share.toFen()),
      ['750', '250']
    )
  })

  test('postings: price share, loss = book − share, off-balance; zero amounts left out', ({
    assert,
  }) => {
    const planned = planPostings({
      loanId: 1,
      loanNo: 'L1',
      principalFen: '10000',
      onInterestFen: '500',
      offInterestFen: '0',
      shareFen: '3000',
    })
    assert.deepEqual(
      planned.map((p) => [p.kind, p.amount.toFen()]),
      [
        ['price', '3000'],
        ['loss', '7500'],
      ]
    )
  })
})
