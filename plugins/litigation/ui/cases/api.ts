/* 案件信息登记: the case routes (money as yuan text, dates 'YYYY-MM-DD'). */
import { ApiError, buildUrl, http } from '@/api/http'
import { downloadFile } from '@/api/download'
import { sessionHeaders } from '@/areas/identity/session'

export interface PartyInput {
  role: string
  kind: string
  guaranteeId?: number | null
  name?: string | null
  address?: string | null
  legalRepresentative?: string | null
}

export interface PartyOption {
  kind: string
  role: string
  guaranteeId: number | null
  name: string
}

export interface CaseInput {
  caseNo: string
  court: string
  judge?: string | null
  cause?: string | null
  procedure: string
  stage: string
  filedOn: string
  customerId: number
  loanIds: number[]
  prePlanId?: number | null
  lawyerName?: string | null
  lawFirm?: string | null
  claimPrincipal: string
  claimInterest: string
  claimOther?: string
  acceptanceFee?: string
  preservationFee?: string
  recovered?: string
  remark?: string | null
  parties: PartyInput[]
}

export interface CaseRow {
  id: number
  caseNo: string
  court: string
  judge: string | null
  stage: string
  procedure: string
  filedOn: string
  customerId: number
  customerName: string
  orgName: string | null
  lawyerName: string | null
  claimTotal: string
  recovered: string
  nextDeadline: string | null
}

export interface CaseDetail extends Omit<CaseRow, 'orgName' | 'nextDeadline'> {
  customerNo: string
  cause: string | null
  prePlanId: number | null
  lawFirm: string | null
  claimPrincipal: string
  claimInterest: string
  claimOther: string
  acceptanceFee: string
  preservationFee: string
  remark: string | null
  closedOn: string | null
  loans: Array<{ loanId: number; loanNo: string }>
  parties: Array<PartyInput & { id: number; customerId: number | null }>
  progress: Array<{
    id: number
    happenedOn: string
    stage: string
    content: string
    nextStep: string | null
    nextDate: string | null
    author: string | null
    files: Array<{ id: number; fileName: string; size: number }>
  }>
  hearings: Array<{
    id: number
    hearingOn: string
    hearingTime: string | null
    kind: string
    place: string | null
    remark: string | null
  }>
  judgments: Array<{
    id: number
    kind: string
    documentNo: string | null
    decidedOn: string
    servedOn: string | null
    principalAwarded: string
    interestAwarded: string
    otherAwarded: string
    totalAwarded: string
    performanceDeadline: string | null
    summary: string | null
  }>
  preservations: Array<{
    id: number
    kind: string
    target: string
    amount: string
    rulingNo: string | null
    startOn: string
    endOn: string
    renewedFromId: number | null
    renewed: boolean
  }>
  deadlines: Array<{ kind: string; refId: number; dueDate: string; title: string; rule: string }>
}

export type RecordKind = 'progress' | 'hearings' | 'judgments' | 'preservations'

/** A fee of the case in 费用管理 (the expenses plugin's record, as its public service gives it). */
export interface CaseExpense {
  id: number
  expenseNo: string
  feeKind: string
  payee: string
  amount: string
  expenseDate: string
  status: string
  recoverable: boolean
  paidOn: string | null
  source: { kind: string; label: string | null } | null
}
export interface CaseExpenseInput {
  feeKind: string
  payee: string
  amount: string
  expenseDate: string
  recoverable: boolean
  remark?: string
}

export const casesApi = {
  list: (query: Record<string, string | number | undefined>) =>
    http.get<{ data: CaseRow[]; meta: { total: number } }>('/litigation/cases', query),
  show: (id: number) => http.get<CaseDetail>(`/litigation/cases/${id}`),
  create: (input: CaseInput) => http.post<CaseDetail>('/litigation/cases', input),
  update: (id: number, input: CaseInput) => http.put<CaseDetail>(`/litigation/cases/${id}`, input),
  remove: (id: number) => http.delete(`/litigation/cases/${id}`),
  parties: (customerId: number, loanIds: number[]) =>
    http.get<{ data: PartyOption[] }>('/litigation/case-parties', {
      customerId,
      loanIds: loanIds.join(',') || undefined,
    }),
  addRecord: (id: number, kind: RecordKind, body: Record<string, unknown>) =>
    http.post<{ id: number; case: CaseDetail }>(`/litigation/cases/${id}/${kind}`, body),
  removeRecord: (id: number, kind: Exclude<RecordKind, 'progress'>, recordId: number) =>
    http.delete<CaseDetail>(`/litigation/cases/${id}/${kind}/${recordId}`),
  expenses: (id: number) => http.get<{ data: CaseExpense[] }>(`/litigation/cases/${id}/expenses`),
  addExpense: (id: number, input: CaseExpenseInput) =>
    http.post<CaseExpense>(`/litigation/cases/${id}/expenses`, input),
}

/** 进展附件 upload (multipart; the JSON client cannot send files). */
export async function uploadProgressFile(caseId: number, progressId: number, file: File) {
  const form = new FormData()
  form.append('file', file)
  const response = await fetch(
    buildUrl(`/litigation/cases/${caseId}/progress/${progressId}/files`),
    {
      method: 'POST',
      headers: sessionHeaders(),
      body: form,
      credentials: 'same-origin',
    }
  )
  const body = (await response.json().catch(() => ({}))) as { message?: string }
  if (!response.ok) throw new ApiError(body.message ?? response.statusText, response.status, body)
  return body as { id: number; fileName: string; size: number }
}

export const downloadProgressFile = (caseId: number, file: { id: number; fileName: string }) =>
  downloadFile(`/litigation/cases/${caseId}/files/${file.id}`, file.fileName)
