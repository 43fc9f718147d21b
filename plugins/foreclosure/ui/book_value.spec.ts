import { describe, expect, it } from 'vitest'
import { bookValueOf } from './book_value'

describe('入账价值 = 抵债金额 + 税费', () => {
  it('adds to the fen without floating point', () => {
    expect(bookValueOf('201000.00', '3456.78')).toBe('204456.78')
    expect(bookValueOf('0.1', '0.2')).toBe('0.30')
    expect(bookValueOf('9999999999999.99', '0.01')).toBe('10000000000000.00')
  })
  it('treats an empty field as zero and refuses what is not an amount', () => {
    expect(bookValueOf('', '')).toBe('0.00')
    expect(bookValueOf('100', '')).toBe('100.00')
    expect(bookValueOf('1.234', '0')).toBeNull()
    expect(bookValueOf('abc', '0')).toBeNull()
    expect(bookValueOf('-5', '0')).toBeNull()
  })
})
