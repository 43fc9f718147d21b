import { describe, expect, it } from 'vitest'
import { writeOffLink } from './write_off_link'

const buckets = (p: string, n: string, o: string, pe: string, c: string) => ({
  principal: p,
  normal_interest: n,
  overdue_interest: o,
  penalty: pe,
  compound: c,
})

const receipt = {
  receiptNo: 'DZSQ20261207000012',
  assetName: '朝阳区某路1号商铺',
  customerName: '北京某商贸有限公司',
  postedOn: '2026-12-07',
}
const loan = {
  loanId: 42,
  loanNo: 'JJ000000000042',
  owed: buckets('200000.00', '1500.00', '123.45', '67.89', '1.01'),
  settled: buckets('150000.00', '0.00', '0.00', '0.00', '0.00'),
  shortfall: buckets('50000.00', '1500.00', '123.45', '67.89', '1.01'),
  owedTotal: '201692.35',
  settledTotal: '150000.00',
  shortfallTotal: '51692.35',
}

describe('提议核销 → 核销方案申报 filled', () => {
  it('carries the loan, a title and reasons naming the receipt and the claim per bucket', () => {
    const link = writeOffLink(receipt, loan)
    expect(link.path).toBe('/p/write-off/PlanApply')
    expect(link.query.loanId).toBe('42')
    expect(link.query.title).toBe('北京某商贸有限公司 JJ000000000042 以资抵债后剩余债权核销')
    expect(link.query.reasons).toBe(
      '以资抵债 DZSQ20261207000012（朝阳区某路1号商铺）已于 2026-12-07 入账，抵偿 150,000.00 元后，' +
        '借据 JJ000000000042 剩余债权 51,692.35 元（本金 50,000.00，正常利息 1,500.00，' +
        '逾期利息 123.45，罚息 67.89，复利 1.01），提议核销。'
    )
  })
  it('leaves out the buckets with nothing kept', () => {
    const interestOnly = {
      ...loan,
      settled: buckets('200000.00', '1000.00', '0.00', '0.00', '0.00'),
      shortfall: buckets('0.00', '500.00', '0.00', '0.00', '0.00'),
      shortfallTotal: '500.00',
    }
    const { reasons } = writeOffLink({ ...receipt, postedOn: null }, interestOnly).query
    expect(reasons).toContain('剩余债权 500.00 元（正常利息 500.00）')
    expect(reasons).not.toContain('本金')
    expect(reasons).not.toContain('已于')
  })
})
