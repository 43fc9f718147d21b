/*
| A case's effect on 时效管理, through disposal's public limitation service, in the
| case's transaction: registering the case is 起诉 (interrupts the loans' 诉讼时效,
| 民法典 §195); a judgment with its performance deadline starts the 申请执行时效
| (民事诉讼法 §250); moving the case to 执行 is 申请执行 (interrupts it). Each event
| names the case (or judgment) as its source, so 时效管理 shows where it came from
| and a retry records nothing twice.
*/
import type { HttpContext } from '@adonisjs/core/http'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { UserAccess } from '#core/identity/user_access'
import {
  recordEnforcementApplication,
  recordJudgment,
  recordLawsuit,
  LimitationError,
} from '../../disposal/services/limitation_api.js'
import { CaseError } from './case_error.js'

/** 时效管理's refusal (a loan out of scope, a date it cannot take) is answered as the case's own. */
const asCaseError = (error: unknown): never => {
  throw error instanceof LimitationError ? CaseError.from(error) : error
}

interface Common {
  caseId: number
  caseNo: string
  loanIds: number[]
  operatorId: number
  access: UserAccess
  ctx: HttpContext | null
}

const source = (caseId: number, caseNo: string) => ({
  plugin: 'litigation',
  kind: 'case',
  id: caseId,
  label: caseNo,
})

export function recordFiling(trx: TransactionClientContract, input: Common & { filedOn: string }) {
  return recordLawsuit(trx, {
    loanIds: input.loanIds,
    date: input.filedOn,
    proofRef: input.caseNo,
    source: source(input.caseId, input.caseNo),
    operatorId: input.operatorId,
    remark: '诉讼管理：案件登记立案',
    access: input.access,
    ctx: input.ctx,
  }).catch(asCaseError)
}

export function recordJudgmentEffect(
  trx: TransactionClientContract,
  input: Common & {
    judgmentId: number
    documentNo: string | null
    date: string
    performanceDeadline: string
  }
) {
  const label = input.documentNo ?? `${input.caseNo} 裁判文书`
  return recordJudgment(trx, {
    loanIds: input.loanIds,
    date: input.date,
    performanceDeadline: input.performanceDeadline,
    proofRef: label.slice(0, 100),
    source: { plugin: 'litigation', kind: 'judgment', id: input.judgmentId, label },
    operatorId: input.operatorId,
    remark: '诉讼管理：判决/调解书生效，申请执行期间起算',
    access: input.access,
    ctx: input.ctx,
  }).catch(asCaseError)
}

export function recordEnforcement(
  trx: TransactionClientContract,
  input: Common & { date: string }
) {
  return recordEnforcementApplication(trx, {
    loanIds: input.loanIds,
    date: input.date,
    proofRef: input.caseNo,
    source: source(input.caseId, input.caseNo),
    operatorId: input.operatorId,
    remark: '诉讼管理：申请强制执行',
    access: input.access,
    ctx: input.ctx,
  }).catch(asCaseError)
}
