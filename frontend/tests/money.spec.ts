import { describe, expect, it } from 'vitest'
import {
  fenToYuan,
  formatMoney,
  formatNumber,
  MONEY_INPUT,
  normalizeMoneyInput,
  yuanToFen,
} from '@/utils/money'

describe('formatMoney (yuan strings, no float arithmetic)', () => {
  it.each([
    ['1234.56', '1,234.56'],
    ['1234567.5', '1,234,567.50'],
    ['0', '0.00'],
    ['12', '12.00'],
    ['-98765.4', '-98,765.40'],
    ['.5', '0.50'],
    ['1,234.5', '1,234.50'],
    [1234.5, '1,234.50'],
  ])('%s → %s', (input, expected) => {
    expect(formatMoney(input)).toBe(expected)
  })

  it('keeps every cent of amounts beyond float precision', () => {
    expect(formatMoney('9007199254740993.01')).toBe('9,007,199,254,740,993.01')
  })

  it('rounds half up on the third decimal, carrying through the integer part', () => {
    expect(formatMoney('2.345')).toBe('2.35')
    expect(formatMoney('2.344')).toBe('2.34')
    expect(formatMoney('999.995')).toBe('1,000.00')
    expect(formatMoney('-0.001')).toBe('0.00')
  })

  it('shows nothing for empty and bad input as-is', () => {
    expect(formatMoney(null)).toBe('')
    expect(formatMoney('')).toBe('')
    expect(formatMoney('abc')).toBe('abc')
  })

  it('formats plain numbers keeping their decimals', () => {
    expect(formatNumber('1234567')).toBe('1,234,567')
    expect(formatNumber('4.3500')).toBe('4.3500')
    expect(formatNumber(-12000)).toBe('-12,000')
  })
})

describe('amount input and settings in fen', () => {
  it('accepts at most two decimals', () => {
    expect(MONEY_INPUT.test('100.25')).toBe(true)
    expect(MONEY_INPUT.test('100.255')).toBe(false)
    expect(MONEY_INPUT.test('1e5')).toBe(false)
  })

  it('converts fen and yuan both ways by digits', () => {
    expect(fenToYuan('123456')).toBe('1234.56')
    expect(fenToYuan('5')).toBe('0.05')
    expect(fenToYuan('-150')).toBe('-1.50')
    expect(yuanToFen('1234.56')).toBe('123456')
    expect(yuanToFen('0.5')).toBe('50')
    expect(yuanToFen('1,000')).toBe('100000')
    expect(yuanToFen('90071992547409.93')).toBe('9007199254740993')
  })
})

describe('normalizeMoneyInput (issue 12 defect 10)', () => {
  it('drops separators only in whole groups of three', () => {
    expect(normalizeMoneyInput(' 1,234,567.5 ')).toBe('1234567.5')
    expect(normalizeMoneyInput('1，000')).toBe('1000')
    for (const typo of ['1,00', '1,000,00', '12,34.5'])
      expect(MONEY_INPUT.test(normalizeMoneyInput(typo))).toBe(false)
  })
})
