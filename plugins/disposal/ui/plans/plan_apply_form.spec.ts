import { describe, expect, it } from 'vitest'
import { checkPlanForm, selectedLoanTotals } from './plan_apply_form'
import type { PlanLoanOption } from './api'

const t = (zh: string) => zh

describe('plan apply form rules', () => {
  it('sums only the ticked loans, exactly', () => {
    const loans = [
      { id: 1, balance: '0.10', interest: '0.20' },
      { id: 2, balance: '0.20', interest: '0.01' },
      { id: 3, balance: '99.00', interest: '1.00' },
    ] as PlanLoanOption[]
    expect(selectedLoanTotals(loans, [1, 2])).toMatchObject({ principal: '0.30', interest: '0.21' })
  })

  it('names every missing field and passes a complete form', () => {
    const empty = checkPlanForm(null, [], { method: '', expectedRecovery: '-1', reasons: ' ' }, t)
    expect(Object.keys(empty).sort()).toEqual(
      ['customerId', 'expectedRecovery', 'loanIds', 'method', 'reasons'].sort()
    )
    const ok = checkPlanForm(7, [1], { method: 'x', expectedRecovery: '100.5', reasons: 'r' }, t)
    expect(ok).toEqual({})
  })
})
