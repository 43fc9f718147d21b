/* 日常检查: one typed function per endpoint, over the shell's HTTP client. */
import { http, type Query } from '@/api/http'
import { currentLocale, localize } from '@/i18n'

export const tr = (zh: string, en: string) => localize({ zh, en }, currentLocale.value)

interface Page<T> {
  data: T[]
  meta: { total: number; page: number; perPage: number }
}

export const ITEMS = ['operation', 'assets', 'loan', 'willingness', 'address'] as const
export type CheckItem = (typeof ITEMS)[number]
export const ITEM_DICT = 'inspections_item'

export interface Plan {
  id: number
  name: string
  frequency: string
  fiveClass: string | null
  minBalance: string | null
  maxBalance: string | null
  items: CheckItem[]
  active: boolean
}

export interface ChecklistPoint {
  code: string
  label: string
  evidenceRequired: boolean
}

export interface Task {
  id: number
  taskNo: string
  kind: string
  periodKey: string | null
  customerId: number
  customerName: string
  items: CheckItem[]
  reason: string | null
  assigneeId: number | null
  assigneeName: string | null
  dueOn: string
  status: string
  overdue: boolean
  finding: string | null
  conclusion: string | null
}

export interface TaskDetail extends Task {
  checklist: Array<{ item: CheckItem; points: ChecklistPoint[] }>
  answers: Array<{ item: CheckItem; point: string; ok: boolean; note: string | null }>
  evidence: Array<{
    id: number
    item: CheckItem
    point: string
    title: string
    docNo: string
    url: string
  }>
  proposals: Array<{
    id: number
    loanNo: string
    fromClass: string
    toClass: string
    reason: string
  }>
}

export interface BatchFilter {
  customerTypes: string[]
  orgId?: number
  fiveClasses?: string[]
  minOverdueDays?: number
  limit?: number
}

export interface Batch {
  id: number
  batchNo: string
  filter: BatchFilter
  items: CheckItem[]
  total: number
  done: number
  failed: number
  status: string
  jobId: string | null
  lastError: string | null
  createdAt: string
}

export interface BatchItem {
  id: number
  customerNo: string
  customerName: string
  customerType: string
  status: string
  attempts: number
  finding: string | null
  conclusion: string | null
  inspector: string | null
  checkedOn: string | null
  error: string | null
}

export const inspectionsApi = {
  plans: (query: Query) => http.get<Page<Plan>>('/inspections/plans', query),
  savePlan: (id: number | null, body: object) =>
    id
      ? http.put<Plan>(`/inspections/plans/${id}`, body)
      : http.post<Plan>('/inspections/plans', body),
  generate: (id: number) => http.post<{ jobId: string }>(`/inspections/plans/${id}/generate`),
  checklists: () =>
    http.get<{ data: Record<CheckItem, ChecklistPoint[]> }>('/inspections/checklists'),
  saveChecklist: (item: CheckItem, points: ChecklistPoint[]) =>
    http.put<{ data: ChecklistPoint[] }>(`/inspections/checklists/${item}`, { points }),

  tasks: (query: Query) => http.get<Page<Task>>('/inspections/tasks', query),
  task: (id: number) => http.get<TaskDetail>(`/inspections/tasks/${id}`),
  createTask: (body: object) =>
    http.post<{ id: number; taskNo: string }>('/inspections/tasks', body),
  submitResult: (id: number, body: object) => http.post(`/inspections/tasks/${id}/result`, body),
  upload: (id: number, body: object) =>
    http.post<{ docNo: string; url: string }>(`/inspections/tasks/${id}/evidence`, body),

  batches: (query: Query) => http.get<Page<Batch>>('/inspections/batches', query),
  batch: (id: number) => http.get<Batch>(`/inspections/batches/${id}`),
  batchItems: (id: number, query: Query) =>
    http.get<Page<BatchItem>>(`/inspections/batches/${id}/items`, query),
  preview: (filter: BatchFilter) =>
    http.post<{ customers: number }>('/inspections/batches/preview', { filter }),
  createBatch: (body: { filter: BatchFilter; items: CheckItem[] }) =>
    http.post<{ id: number; batchNo: string; total: number; jobId: string }>(
      '/inspections/batches',
      body
    ),
  retryBatch: (id: number) => http.post<{ jobId: string }>(`/inspections/batches/${id}/retry`),
}

/** A file's bytes as base64 (the 影像平台 connector takes the content inline). */
export async function fileBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let text = ''
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(text)
}

/** 客户视图 › 日常检查: one customer's tasks and batch-check results. */
export interface CustomerInspections {
  customerId: number
  tasks: Array<{
    id: number
    taskNo: string
    kind: string
    periodKey: string | null
    dueOn: string
    status: string
    assigneeName: string | null
    finding: string | null
    conclusion: string | null
  }>
  batchChecks: Array<{
    id: number
    batchId: number
    batchNo: string
    status: string
    finding: string | null
    conclusion: string | null
    inspector: string | null
    checkedOn: string | null
  }>
}

export const customerInspections = (customerId: number) =>
  http.get<CustomerInspections>(`/inspections/customers/${customerId}/results`)
