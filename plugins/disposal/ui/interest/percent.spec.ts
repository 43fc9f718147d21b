import { describe, expect, it } from 'vitest'
import { fractionToPercent, percentToFraction } from './percent'

describe('利息试算 percent ↔ fraction (no floats)', () => {
  it('turns a typed percentage into the API fraction', () => {
    expect(percentToFraction('4.35')).toBe('0.0435')
    expect(percentToFraction('50')).toBe('0.5')
    expect(percentToFraction('100')).toBe('1')
    expect(percentToFraction('0.0175')).toBe('0.000175')
    expect(percentToFraction('3.1')).toBe('0.031')
    expect(percentToFraction('0')).toBe('0')
    expect(percentToFraction('12.3456789')).toBe('0.123456789')
  })
  it('and back', () => {
    expect(fractionToPercent('0.0435')).toBe('4.35')
    expect(fractionToPercent('0.5')).toBe('50')
    expect(fractionToPercent('1')).toBe('100')
    expect(fractionToPercent('0.000175')).toBe('0.0175')
    expect(fractionToPercent('0.043500')).toBe('4.35')
  })
  it('refuses what is not a plain decimal', () => {
    for (const bad of ['', 'abc', '-1', '1e3', '4,35', '.'])
      expect(percentToFraction(bad)).toBeNull()
  })
})
