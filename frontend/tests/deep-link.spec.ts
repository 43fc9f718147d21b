import { describe, expect, it } from 'vitest'
import { idFromQuery } from '@/composables/useDeepLink'

/* ?id= deep links: only a positive integer opens a record; anything else opens nothing. */
describe('idFromQuery', () => {
  it('reads a positive integer id', () => {
    expect(idFromQuery('42')).toBe(42)
    expect(idFromQuery(['7', '8'])).toBe(7)
  })
  it('ignores what is not an id', () => {
    for (const bad of [
      undefined,
      null,
      '',
      '0',
      '-3',
      '1.5',
      '12abc',
      ' 12',
      '1e3',
      '99999999999999999',
    ])
      expect(idFromQuery(bad)).toBeNull()
  })
})
