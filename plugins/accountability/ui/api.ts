/* 责任认定: one typed function per endpoint, over the shell's HTTP client. */
import { http, type Query } from '@/api/http'
import { currentLocale, localize } from '@/i18n'

export const tr = (zh: string, en: string) => localize({ zh, en }, currentLocale.value)

export interface CaseRow {
  id: number
  customerId: number
  customerNo: string
  customerName: string
  orgName: string | null
  lossAmount: string
  lossOn: string
  determinedOn: string
  findings: string
  status: string
  decidedOn: string | null
  createdBy: string | null
  createdAt: string
}

export interface CaseImage {
  id: number
  title: string
  docNo: string
  url: string
  createdAt: string
}

export interface CaseDetail extends CaseRow {
  loans: Array<{ loanId: number; loanNo: string }>
  persons: Array<{
    id: number
    userId: number | null
    name: string
    role: string
    finding: string
    penalty: string
    penaltyAmount: string | null
    penaltyOn: string | null
  }>
  images: CaseImage[]
}

export interface PersonForm {
  userId: number | null
  name: string
  role: string
  finding: string
  penalty: string
  penaltyAmount: string
  penaltyOn: string | null
}

interface Page<T> {
  data: T[]
  meta: { total: number; page: number; perPage: number }
}

const base = '/accountability/cases'

export const accountabilityApi = {
  list: (query: Query) => http.get<Page<CaseRow>>(base, query),
  show: (id: number) => http.get<CaseDetail>(`${base}/${id}`),
  create: (body: Record<string, unknown>) =>
    http.post<{ id: number; workflowInstanceId: number }>(base, body),
  images: (id: number) => http.get<{ data: CaseImage[] }>(`${base}/${id}/images`),
  upload: (id: number, body: { title: string; fileName: string; content: string }) =>
    http.post<{ id: number; docNo: string; url: string }>(`${base}/${id}/images`, body),
}

export const STATUS_DICT = 'accountability_status'
export const ROLE_DICT = 'accountability_role'
export const PENALTY_DICT = 'accountability_penalty'
export const FINE = 'fine'

/** A file as base64 (the 影像平台 connector takes the content inline). */
export const base64Of = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(reader.error)
    reader.readAsDataURL(file)
  })
