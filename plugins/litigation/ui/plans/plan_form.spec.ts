import { describe, expect, it } from 'vitest'
import { amountEdited, claimTotal, fenOf } from './plan_form'

describe('诉前方案 form arithmetic', () => {
  it('申请日标的金额 = 标的本金 + 标的利息, to the fen without floats', () => {
    expect(claimTotal('1500000.00', '12345.6')).toBe('1512345.60')
    expect(claimTotal('0.1', '0.2')).toBe('0.30')
    expect(claimTotal('9007199254740.99', '0.01')).toBe('9007199254741.00')
    expect(claimTotal('1,000.00', '0')).toBe('1000.00')
  })

  it('refuses what is not an amount', () => {
    expect(fenOf('-1')).toBeNull()
    expect(fenOf('1.234')).toBeNull()
    expect(claimTotal('abc', '1')).toBeNull()
  })

  it('an edit is any difference from the system figures, however it is typed', () => {
    const system = { principal: '100.00', interest: '5.00' }
    expect(amountEdited({ principal: '100', interest: '5.0' }, system)).toBe(false)
    expect(amountEdited({ principal: '100.01', interest: '5' }, system)).toBe(true)
    expect(amountEdited({ principal: '100', interest: '5' }, null)).toBe(false)
  })
})
