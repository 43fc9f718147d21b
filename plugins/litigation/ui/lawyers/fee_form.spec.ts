import { describe, expect, it } from 'vitest'
import { estimateFee, percentToRate, rateToPercent } from './fee_form'

describe('律师选聘 fee form', () => {
  it('percentages and fractions convert on the digits', () => {
    expect(percentToRate('8')).toBe('0.08')
    expect(percentToRate('12.5')).toBe('0.125')
    expect(percentToRate('0.5')).toBe('0.005')
    expect(percentToRate('30')).toBe('0.3')
    expect(percentToRate('abc')).toBeNull()
    expect(rateToPercent('0.08')).toBe('8')
    expect(rateToPercent('0.125')).toBe('12.5')
    expect(rateToPercent('0.3')).toBe('30')
    expect(rateToPercent('0.005')).toBe('0.5')
  })

  it('estimates like the server: fixed + share × expected, the share capped, half-up', () => {
    const base = {
      fixedFee: '20000',
      riskPercent: '5',
      feeCap: '60000',
      expectedRecovery: '500000',
    }
    expect(estimateFee({ ...base, feeType: 'mixed' })).toBe('45000.00')
    expect(estimateFee({ ...base, feeType: 'fixed' })).toBe('20000.00')
    expect(estimateFee({ ...base, feeType: 'risk', expectedRecovery: '2000000' })).toBe('60000.00')
    expect(
      estimateFee({
        ...base,
        feeType: 'risk',
        riskPercent: '8',
        feeCap: '',
        expectedRecovery: '0.07',
      })
    ).toBe('0.01')
    expect(estimateFee({ ...base, feeType: 'risk', riskPercent: 'x' })).toBeNull()
  })
})
