import { test } from '@japa/runner'
import { observationEnd, termsGap } from '../../plans/terms.js'

const loans = [{ loanNo: 'JJ1', maturityDate: '2026-06-30', balance: '100000.00' }]
const base = { effectiveOn: '2026-12-07', terms: '' }

test.group('restructuring: terms per method', () => {
  test('展期 needs a new maturity date after the current one', ({ assert }) => {
    assert.equal(termsGap({ ...base, method: 'extension' }, loans), '展期须填写展期后到期日')
    assert.include(
      termsGap({ ...base, method: 'extension', newMaturityDate: '2026-06-30' }, loans)!,
      '原到期日 2026-06-30'
    )
    assert.isNull(termsGap({ ...base, method: 'extension', newMaturityDate: '2026-07-01' }, loans))
  })

  test('借新还旧 needs the new loan; 债转股 no more than the balance', ({ assert }) => {
    assert.equal(termsGap({ ...base, method: 'refinance' }, loans), '借新还旧须填写新借据号')
    assert.isNull(
      termsGap(
        { ...base, method: 'refinance', newLoanNo: 'JJ2', newMaturityDate: '2028-01-01' },
        loans
      )
    )
    assert.isNull(termsGap({ ...base, method: 'debt_equity', equityAmount: '100000.00' }, loans))
    assert.include(
      termsGap({ ...base, method: 'debt_equity', equityAmount: '100000.01' }, loans)!,
      '超过'
    )
  })

  test('调整还款计划 / 变更担保 need the terms written', ({ assert }) => {
    assert.isNotNull(termsGap({ ...base, method: 'reschedule' }, loans))
    assert.isNull(termsGap({ ...base, method: 'guarantee', terms: '追加房产抵押一处' }, loans))
  })

  test('observation end: six months on, month ends clamp', ({ assert }) => {
    assert.equal(observationEnd('2026-12-07', 6), '2027-06-07')
    assert.equal(observationEnd('2026-08-31', 6), '2027-02-28')
    assert.equal(observationEnd('2027-08-31', 6), '2028-02-29')
  })
})
