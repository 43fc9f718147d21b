/* 核销管理: one typed function per endpoint, and file downloads (PDFs). */
import { http, type Query } from '@/api/http'
import { downloadFile } from '@/api/download'
import type { Paginated } from '@/api/types'
import type { PickerSource } from '@/components/pickers/picker_source'

const base = '/write-off'

export type SubjectKind = 'loan' | 'card'

export interface EvidenceDoc {
  code: string
  name: string
}

export interface RuleVerdict {
  ruleCode: string
  ruleName: string
  basis: string
  applicable: boolean
  notApplicable: string[]
  missing: EvidenceDoc[]
  satisfied: boolean
  requiredDocs: EvidenceDoc[]
}

export interface Evidence {
  id: number
  docCode: string
  title: string
  docNo: string
  url: string | null
  source: 'upload' | 'link'
  createdAt: string
}

export interface SubjectDetail {
  subject: {
    kind: SubjectKind
    id: number
    no: string
    customerName: string
    status: string
    overdueDays: number
    fiveClass: string
    principal: string
    onBalanceInterest: string
    offBalanceInterest: string
    fee: string
  }
  evidence: Evidence[]
  rules: RuleVerdict[]
}

export interface Rule {
  id: number
  code: string
  name: string
  basis: string
  appliesTo: 'loan' | 'card' | 'any'
  maxBalance: string | null
  minOverdueDays: number | null
  requiredDocs: EvidenceDoc[]
  enabled: boolean
}

export interface PlanItem {
  id: number
  subjectKind: SubjectKind
  subjectId: number
  subjectNo: string
  customerName: string
  ruleCode: string
  principal: string
  onBalanceInterest: string
  offBalanceInterest: string
  fee: string
  total: string
  writtenOffOn: string | null
  noRecourse: boolean
  noRecourseOn: string | null
}

export interface PlanRow {
  id: number
  planNo: string
  kind: 'single' | 'batch'
  title: string
  reasons: string
  orgId: number
  createdBy: number
  status: string
  itemCount: number
  total: string
  committeeRequired: boolean
  committeeRef: string | null
  committeeResult: string | null
  committeeDecidedOn: string | null
  committeeRemark: string | null
  replyNo: string | null
  repliedOn: string | null
  replyText: string | null
  createdAt: string
}

export interface PlanDetail extends PlanRow {
  workflowInstanceId: number | null
  /** Subjects written off so far (a large batch executes in the background). */
  executed: number
  items: PlanItem[]
  itemsShown: number
  postings: { total: number; sent: number; pending: number; dead: number }
  materials: Array<{
    id: number
    itemId: number | null
    title: string
    docNo: string
    url: string | null
    createdAt: string
  }>
}

export interface Posting {
  id: number
  subjectNo: string
  subjectKind: SubjectKind
  kind: string
  amount: string
  idempotencyKey: string
  status: 'pending' | 'sent' | 'dead'
  attempts: number
  reason: string | null
  sentAt: string | null
  postingNo: string | null
}

export interface ReviewDetail {
  id: number
  reviewNo: string
  status: 'draft' | 'completed'
  conclusion: 'pass' | 'fail' | null
  opinion: string | null
  createdAt: string
  items: Array<{
    id: number
    subjectKind: SubjectKind
    subjectId: number
    subjectNo: string
    customerName: string
    ruleCode: string
    balance: string
    satisfied: boolean
    finding: RuleVerdict
  }>
}

export interface ItemInput {
  kind: SubjectKind
  id: number
  ruleCode: string
}

const clean = (q: Record<string, unknown>): Query =>
  Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== '')) as Query

/** The RecordPicker source of loans or card accounts in the user's scope. */
export const subjectSource =
  (kind: SubjectKind): PickerSource =>
  (query) =>
    http.get(`${base}/subjects/picker`, {
      kind,
      keyword: query.keyword || undefined,
      page: query.page,
      perPage: query.perPage,
      ids: query.ids?.join(','),
    })

/** A file as base64 (the connector carries it to the 影像平台). */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

export const writeOffApi = {
  rules: () => http.get<{ data: Rule[] }>(`${base}/rules`),
  updateRule: (id: number, body: Omit<Rule, 'id' | 'code'>) =>
    http.put<Rule>(`${base}/rules/${id}`, body),
  subject: (kind: SubjectKind, id: number) =>
    http.get<SubjectDetail>(`${base}/subjects/detail`, { kind, id }),
  imaging: (kind: SubjectKind, id: number) =>
    http.get<{ data: Array<{ docNo: string; title: string; kind: string; uploadedOn: string }> }>(
      `${base}/subjects/imaging`,
      { kind, id }
    ),
  upload: (body: {
    kind: SubjectKind
    id: number
    docCode: string
    title: string
    fileName: string
    content: string
  }) => http.post<Evidence>(`${base}/evidence/upload`, body),
  link: (body: { kind: SubjectKind; id: number; docCode: string; docNo: string }) =>
    http.post<Evidence>(`${base}/evidence/link`, body),

  reviews: (q: Record<string, unknown>) => http.get<Paginated<any>>(`${base}/reviews`, clean(q)),
  review: (id: number) => http.get<ReviewDetail>(`${base}/reviews/${id}`),
  createReview: (items: ItemInput[]) => http.post<ReviewDetail>(`${base}/reviews`, { items }),
  recheck: (id: number) => http.post<ReviewDetail>(`${base}/reviews/${id}/recheck`),
  opinion: (id: number, body: { conclusion: 'pass' | 'fail'; opinion: string }) =>
    http.post<ReviewDetail>(`${base}/reviews/${id}/opinion`, body),

  plans: (q: Record<string, unknown>) => http.get<Paginated<PlanRow>>(`${base}/plans`, clean(q)),
  plan: (id: number) => http.get<PlanDetail>(`${base}/plans/${id}`),
  createPlan: (body: {
    kind: 'single' | 'batch'
    title: string
    reasons: string
    reviewId?: number | null
    items: ItemInput[]
  }) => http.post<PlanDetail>(`${base}/plans`, body),
  submit: (id: number) => http.post<PlanDetail>(`${base}/plans/${id}/submit`),
  uploadMaterial: (
    id: number,
    body: { itemId: number | null; title: string; fileName: string; content: string }
  ) => http.post<{ id: number; docNo: string }>(`${base}/plans/${id}/materials`, body),
  linkMaterial: (id: number, materialId: number, itemId: number | null) =>
    http.put(`${base}/plans/${id}/materials/${materialId}`, { itemId }),
  reply: (id: number, body: { repliedOn: string; replyText: string }) =>
    http.post<{ replyNo: string; postings: number | null; jobId: string | null }>(
      `${base}/plans/${id}/reply`,
      body
    ),
  execute: (id: number) => http.post<{ jobId: string }>(`${base}/plans/${id}/execute`),
  postings: (id: number) =>
    http.get<{ data: Posting[]; summary: PlanDetail['postings'] }>(`${base}/plans/${id}/postings`),
  retry: (id: number, postingId: number) =>
    http.post(`${base}/plans/${id}/postings/${postingId}/retry`),

  noRecourse: (q: Record<string, unknown>) =>
    http.get<Paginated<any>>(`${base}/no-recourse`, clean(q)),
  itemEvidence: (itemId: number) =>
    http.get<{ data: Evidence[] }>(`${base}/no-recourse-items/${itemId}/evidence`),
  determine: (body: { itemId: number; reason: string; facts: string; evidenceIds: number[] }) =>
    http.post<{ id: number }>(`${base}/no-recourse`, body),

  download: (path: string, fileName: string) => downloadFile(`${base}${path}`, fileName),
}
