import { describe, expect, it } from 'vitest'
import { emptyForm, formFromInput, inputFromForm } from './form_model'

describe('利息试算 form ↔ API input', () => {
  it('round-trips a prefilled loan, rates shown in percent', () => {
    const input = {
      start: '2023-01-01',
      asOf: '2024-01-01',
      rates: [{ from: '2023-01-01', annualRate: '0.0435' }],
      penaltySurcharge: '0.5',
      installments: [{ dueDate: '2023-07-01', principal: '1000000.00' }],
      interestDueDates: ['2023-06-21', '2023-03-21'],
      repayments: [{ date: '2023-10-01', amount: '50000.00' }],
    }
    const form = formFromInput(input)
    expect(form.rates[0].percent).toBe('4.35')
    expect(form.surchargePercent).toBe('50')
    const back = inputFromForm(form).input!
    expect(back.rates).toEqual(input.rates)
    expect(back.penaltySurcharge).toBe('0.5')
    expect(back.interestDueDates).toEqual(['2023-03-21', '2023-06-21'])
    expect(back.delayedPerformance).toBeUndefined()
    expect(back.stopDate).toBeUndefined()
  })

  it('names the problems instead of sending a bad rate or an incomplete order', () => {
    const form = emptyForm()
    form.rates[0].percent = 'abc'
    form.order = ['penalty']
    const { input, problems } = inputFromForm(form)
    expect(input).toBeNull()
    expect(problems).toEqual(['第 1 个利率无效', '冲抵顺序须包含全部六个科目'])
  })

  it('drops empty rows and sends the optional sections only when on', () => {
    const form = emptyForm()
    form.rates[0] = { from: '2024-01-01', percent: '3.6' }
    form.repayments.push({ date: '', amount: '' })
    form.delayEnabled = true
    form.delayDeadline = '2024-05-01'
    form.delayDebt = '1000.00'
    const input = inputFromForm(form).input!
    expect(input.installments).toEqual([])
    expect(input.repayments).toEqual([])
    expect(input.delayedPerformance).toEqual({ deadline: '2024-05-01', debt: '1000.00' })
  })
})
