import { describe, expect, it } from 'vitest'
import { partiesInput, partyRows, sumYuan } from './case_form'

describe('case form', () => {
  it('adds yuan by its digits', () => {
    expect(sumYuan(['1000000.00', '35678.9', ''])).toBe('1035678.90')
    expect(sumYuan(['0.1', '0.2'])).toBe('0.30')
    expect(sumYuan(['1,234.56', '0.44'])).toBe('1235.00')
    expect(sumYuan(['12.345'])).toBeNull()
    expect(sumYuan(['-1'])).toBeNull()
  })

  it('offers the book parties, bank and borrower chosen', () => {
    const rows = partyRows([
      { kind: 'bank', role: 'plaintiff', guaranteeId: null, name: '示范银行朝阳支行' },
      { kind: 'borrower', role: 'defendant', guaranteeId: null, name: '甲公司' },
      { kind: 'guarantor', role: 'defendant', guaranteeId: 7, name: '乙' },
    ])
    expect(rows.map((r) => r.chosen)).toEqual([true, true, false])
    rows[2].chosen = true
    rows[1].address = ' 北京 '
    expect(partiesInput(rows)).toEqual([
      {
        role: 'plaintiff',
        kind: 'bank',
        guaranteeId: null,
        address: null,
        legalRepresentative: null,
      },
      {
        role: 'defendant',
        kind: 'borrower',
        guaranteeId: null,
        address: '北京',
        legalRepresentative: null,
      },
      {
        role: 'defendant',
        kind: 'guarantor',
        guaranteeId: 7,
        address: null,
        legalRepresentative: null,
      },
    ])
  })
})
