/* 律师选聘: the registry, engagements and payments over the shell's HTTP client. */
import { http, type Query } from '@/api/http'
import type { Paginated } from '@/api/types'

const base = '/litigation'

export interface Firm {
  id: number
  name: string
  licenceNo: string
  address: string | null
  contact: string | null
  phone: string | null
  specialities: string[]
  panelStatus: string
  rating: number | null
  conflicts: string
  lawyerCount?: number
}

export interface Lawyer {
  id: number
  firmId: number
  firmName: string | null
  name: string
  licenceNo: string
  phone: string | null
  specialities: string[]
  panelStatus: string
  rating: number | null
  conflicts: string
}

export interface Engagement {
  id: number
  engagementNo: string
  planId: number | null
  caseId: number | null
  subjectNo: string
  customerId: number
  customerNo: string
  customerName: string
  createdBy: number
  applicantName: string | null
  firmId: number
  firmName: string
  lawyerId: number
  lawyerName: string
  lawyerLicenceNo: string
  feeType: 'fixed' | 'risk' | 'mixed'
  fixedFee: string
  riskRate: string
  feeCap: string | null
  expectedRecovery: string
  estimatedFee: string
  scope: string
  engagementReason: string
  status: string
  createdAt: string | null
}

export interface EngagementDetail extends Engagement {
  paid: string
  payments: Array<{
    id: number
    amount: string
    paidOn: string
    remark: string | null
    expenseNo: string | null
    /** The basis the payment was checked against (null on older payments). */
    recovered: string | null
    recoveredSource: 'recoveries' | 'entered' | null
    recoveredReason: string | null
    feeDue: string | null
  }>
  timeline: Array<{
    id: number
    eventType: string
    actorName: string | null
    createdAt: string | null
  }>
}

/** 应付律师费 on the actually recovered amount (POST /engagements/:id/fee-due). */
export interface FeeDue {
  recovered: string
  source: 'recoveries' | 'entered'
  reason: string | null
  confirmed: { amount: string; count: number; from: string; to: string }
  feeDue: string
  ceiling: string | null
  paid: string
  outstanding: string
}
export interface RecoveryBasis {
  actualRecovery?: string
  actualRecoveryReason?: string
}

export type FirmInput = Omit<Firm, 'id' | 'lawyerCount'>
export type LawyerInput = Omit<Lawyer, 'id' | 'firmName'>
export interface EngagementInput {
  planId?: number
  caseId?: number
  firmId: number
  lawyerId: number
  feeType: string
  fixedFee?: string
  riskRate?: string
  feeCap?: string
  expectedRecovery: string
  scope: string
  engagementReason: string
}

function clean(query: Record<string, unknown>): Query {
  const out: Query = {}
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') out[key] = value as any
  return out
}

export const lawyersApi = {
  firms: (query: Record<string, unknown>) =>
    http.get<Paginated<Firm>>(`${base}/law-firms`, clean(query)),
  saveFirm: (input: FirmInput, id?: number) =>
    id
      ? http.put<Firm>(`${base}/law-firms/${id}`, input)
      : http.post<Firm>(`${base}/law-firms`, input),
  lawyers: (query: Record<string, unknown>) =>
    http.get<Paginated<Lawyer>>(`${base}/lawyers`, clean(query)),
  saveLawyer: (input: LawyerInput, id?: number) =>
    id
      ? http.put<Lawyer>(`${base}/lawyers/${id}`, input)
      : http.post<Lawyer>(`${base}/lawyers`, input),
  engagements: (query: Record<string, unknown>) =>
    http.get<Paginated<Engagement>>(`${base}/engagements`, clean(query)),
  engagement: (id: number) => http.get<EngagementDetail>(`${base}/engagements/${id}`),
  create: (input: EngagementInput) => http.post<EngagementDetail>(`${base}/engagements`, input),
  update: (id: number, input: EngagementInput) =>
    http.put<EngagementDetail>(`${base}/engagements/${id}`, input),
  remove: (id: number) => http.delete<void>(`${base}/engagements/${id}`),
  submit: (id: number) => http.post<EngagementDetail>(`${base}/engagements/${id}/submit`),
  feeDue: (id: number, basis: RecoveryBasis) =>
    http.post<FeeDue>(`${base}/engagements/${id}/fee-due`, basis),
  pay: (id: number, input: { amount: string; paidOn: string; remark?: string } & RecoveryBasis) =>
    http.post<{ expenseNo: string; engagement: EngagementDetail }>(
      `${base}/engagements/${id}/payments`,
      input
    ),
}
