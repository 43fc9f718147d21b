/*
| The pure rules of the 处置预案申请 form, kept out of the page so they can be
| read (and tested) without a browser: the book totals of the ticked loans and
| the checks made before anything is sent to the server.
*/
import { fenToYuan, MONEY_INPUT, normalizeMoneyInput, yuanToFen } from '@/utils/money'
import type { PlanLoanOption } from './api'

export interface PlanFormFields {
  method: string | null
  expectedRecovery: string
  reasons: string
}

type Translate = (zh: string, en: string) => string

/** Sums of the selected loans' book figures, in fen (BigInt: exact). */
export function selectedLoanTotals(loans: PlanLoanOption[], selected: number[]) {
  let principal = 0n
  let interest = 0n
  for (const loan of loans) {
    if (!selected.includes(loan.id)) continue
    principal += BigInt(yuanToFen(loan.balance))
    interest += BigInt(yuanToFen(loan.interest))
  }
  return {
    principal: fenToYuan(String(principal)),
    interest: fenToYuan(String(interest)),
    total: fenToYuan(String(principal + interest)),
  }
}

/** Field → message for everything missing or malformed; empty when the form may be sent. */
export function checkPlanForm(
  customerId: number | null,
  selected: number[],
  form: PlanFormFields,
  t: Translate
): Record<string, string> {
  const found: Record<string, string> = {}
  if (!customerId) found.customerId = t('请选择客户', 'Choose a customer')
  if (!selected.length) found.loanIds = t('请至少选择一笔借据', 'Choose at least one loan')
  if (!form.method) found.method = t('请选择处置方式', 'Choose a disposal method')
  if (
    !MONEY_INPUT.test(normalizeMoneyInput(form.expectedRecovery)) ||
    form.expectedRecovery.trim().startsWith('-')
  )
    found.expectedRecovery = t(
      '请输入金额（元，最多两位小数）',
      'Enter an amount in yuan (2 decimals at most)'
    )
  if (!form.reasons.trim()) found.reasons = t('请填写处置理由', 'Give the reasons')
  return found
}
