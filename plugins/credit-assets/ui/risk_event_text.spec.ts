import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useDictStore } from '@/stores/dict'
import { setLocale } from '@/i18n'
import { describeRiskEvent } from './risk_event_text'

const item = (code: string, zh: string, en: string) => ({ code, label: { zh, en }, color: null })

describe('风险资产时间轴 wording', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    useDictStore().dictionaries = {
      credit_assets_five_class: [
        item('substandard', '次级', 'Substandard'),
        item('doubtful', '可疑', 'Doubtful'),
      ],
      credit_assets_loan_status: [
        item('active', '存续', 'Active'),
        item('written_off', '已核销', 'Written off'),
      ],
      credit_assets_recovery_method: [
        item('cash', '现金清收', 'Cash collection'),
        item('foreclosure', '以资抵债', 'Debt for asset'),
      ],
      customer_view_tag: [
        item('focus', '重点关注', 'Under watch'),
        item('litigation', '涉诉', 'In litigation'),
      ],
    }
  })

  it('a restructuring: the new maturity and rate, flagged 重组贷款', () => {
    setLocale('zh-CN')
    expect(
      describeRiskEvent({
        eventType: 'terms',
        before: { maturityDate: '2026-06-30', rate: '0.050000' },
        after: {
          maturityDate: '2029-12-31',
          rate: '0.043500',
          restructured: true,
          reason: '资产重组 CZFA20261207000001 展期',
        },
      })
    ).toBe(
      '到期日 2026-06-30 → 2029-12-31；利率 0.050000 → 0.043500；重组贷款；资产重组 CZFA20261207000001 展期'
    )
  })

  it('a customer renamed from 客户中心: the old and new name', () => {
    setLocale('zh-CN')
    expect(
      describeRiskEvent({
        eventType: 'monitoring.master',
        before: { customerName: '甲公司' },
        after: { customerName: '乙公司', reason: '客户中心同步' },
      })
    ).toBe('客户名称 甲公司 → 乙公司；客户中心同步')
  })

  it('says what changed, in the bank’s words, before → after', () => {
    const event = (eventType: string, before: any, after: any) =>
      describeRiskEvent({ eventType, before, after })
    expect(
      event(
        'classification',
        { fiveClass: 'substandard' },
        { fiveClass: 'doubtful', reason: '担保人失联' }
      )
    ).toBe('次级 → 可疑（担保人失联）')
    expect(
      event('status', { status: 'active' }, { status: 'written_off', reason: '核销 HX-2' })
    ).toBe('借据状态 存续 → 已核销（核销 HX-2）')
    expect(event('balance', { balance: '1000000.00' }, { balance: '987654.32' })).toBe(
      '余额 1,000,000.00 → 987,654.32'
    )
    expect(event('org', { orgId: 3, orgName: '朝阳支行' }, { orgId: 4, orgName: '海淀支行' })).toBe(
      '朝阳支行 → 海淀支行'
    )
    expect(
      event(
        'manager',
        { managerId: null, managerName: null },
        { managerId: 1, managerName: '张三' }
      )
    ).toBe('管户人 无 → 张三')
    expect(event('tags', { tags: ['focus'] }, { tags: ['litigation'] })).toBe('+涉诉 −重点关注')
    expect(
      event('handover', null, {
        reason: 'overdue',
        fiveClass: 'substandard',
        overdueDays: 95,
        balance: '12.30',
      })
    ).toBe('因逾期移交；次级；逾期 95；余额 12.30')
    // Early handover events carried fen.
    expect(event('handover', null, { reason: 'classification', balanceFen: '1230' })).toBe(
      '因分类移交；余额 12.30'
    )
  })

  it('a recovery confirmed on 交易流水确认 shows its amount, method and transaction', () => {
    const recovery = (before: any, after: any) =>
      describeRiskEvent({ eventType: 'recoveries.confirmed', before, after })
    expect(recovery(null, { txnNo: 'TX1', method: 'foreclosure', amount: '10512.34' })).toBe(
      '回收 10,512.34；以资抵债；流水 TX1'
    )
    expect(
      recovery(
        { method: 'foreclosure' },
        { txnNo: 'TX1', method: 'cash', amount: '10512.34', note: '更正：实为现金' }
      )
    ).toBe('回收 10,512.34；以资抵债 → 现金清收；流水 TX1；更正：实为现金')
  })

  it('follows the console language', () => {
    setLocale('en')
    expect(
      describeRiskEvent({
        eventType: 'balance',
        before: { balance: '1.00' },
        after: { balance: '2.00' },
      })
    ).toBe('Balance 1.00 → 2.00')
  })
})
