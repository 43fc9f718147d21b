import { describe, expect, it } from 'vitest'
import { filterQuery } from './api'

/* The page's filters become the list's query and the 费用台账 export's filters: same names, no blanks. */
describe('expenses filterQuery', () => {
  it('keeps set filters, trimmed, and drops empty ones', () => {
    expect(
      filterQuery({
        keyword: '  FY2026 ',
        feeKind: 'lawyer_fee',
        status: '',
        expenseDateFrom: '2026-01-01',
        expenseDateTo: undefined,
      })
    ).toEqual({ keyword: 'FY2026', feeKind: 'lawyer_fee', expenseDateFrom: '2026-01-01' })
  })

  it('an empty form asks for everything', () => {
    expect(filterQuery({ keyword: '   ' })).toEqual({})
  })
})
