/* 表单构建 (backend/forms): the designer and the data of effective forms. */
import {
  FIELD_TYPES,
  FIELD_TYPE_LABELS,
  UNINDEXABLE_TYPES,
  type FormFieldType,
} from '../../../../backend/forms/field_type_list'
import { currentLocale, localize, type Localized } from '@/i18n'
import { downloadFile } from '@/api/download'
import { ApiError, buildUrl, http, ValidationError } from '@/api/http'
import { sessionHeaders } from '@/areas/identity/session'

/* The type list is the server's (one file both sides read). */
export { FIELD_TYPES, UNINDEXABLE_TYPES, type FormFieldType }
export const fieldTypeLabel = (type: FormFieldType) =>
  localize(FIELD_TYPE_LABELS[type], currentLocale.value)

export interface FieldSpec {
  code: string
  labelZh: string
  labelEn: string
  type: FormFieldType
  length?: number | null
  dictionary?: string | null
  required?: boolean
  unique?: boolean
  indexed?: boolean
}

export interface StoredField extends FieldSpec {
  id: number
  active: boolean
  sort: number
  sinceVersion: number
}

export type FormStatus = 'draft' | 'effective' | 'inactive'

export interface FormSummary {
  id: number
  code: string
  nameZh: string
  nameEn: string
  status: FormStatus
  version: number
  menuParent: string | null
  menuOrder: number
  ledger: boolean
  openChange: { id: number; status: string } | null
}

export type Operation =
  | { op: 'addField'; field: FieldSpec }
  | { op: 'widen'; code: string; length: number }
  | { op: 'relabel'; code: string; labelZh: string; labelEn: string }
  | { op: 'deactivateField'; code: string }
  | { op: 'deactivateForm' }
  | { op: 'create'; fields: FieldSpec[] }

export interface FormChange {
  id: number
  version: number
  operations: Operation[]
  script: string[]
  dialect: string
  status: string
  instanceId: number | null
  error: string | null
  createdBy: number
  approvedBy: number | null
  appliedAt: string | null
  createdAt: string
  /** The script as steps (a step: its statements and the check run before it). */
  steps: { sql: string[] }[] | null
  /** Steps of the script known to be in effect after the last run; the runs' log. */
  appliedSteps: number
  stepLog: {
    run: number
    step: number
    outcome: 'applied' | 'present' | 'failed'
    at: string
    by: number | null
    error?: string
  }[]
}

export interface FormDetail extends Omit<FormSummary, 'openChange'> {
  fields: StoredField[]
  changes: FormChange[]
}

export interface FormSettings {
  nameZh: string
  nameEn: string
  menuParent: string | null
  menuOrder?: number
  ledger?: boolean
}

export interface FormSchema {
  code: string
  name: Localized
  version: number
  permission: string
  fields: {
    id: string
    label: Localized
    type: FormFieldType
    length: number | null
    dictionary: string | null
    required: boolean
    unique: boolean
  }[]
}

const silent = { silent: true }

export const formsApi = {
  list: () => http.get<{ data: FormSummary[] }>('/forms'),
  show: (id: number) => http.get<FormDetail>(`/forms/${id}`),
  menuDirectories: () =>
    http.get<{ data: { code: string; name: Localized }[] }>('/forms/menu-directories'),
  create: (body: FormSettings & { code: string; fields: FieldSpec[] }) =>
    http.post<FormSummary & { changeId: number }>('/forms', body, silent),
  update: (id: number, body: FormSettings) => http.put<FormSummary>(`/forms/${id}`, body, silent),
  draft: (id: number, operations: Operation[]) =>
    http.post<{ id: number }>(`/forms/${id}/changes`, { operations }, silent),
  submit: (id: number, changeId: number) =>
    http.post<{ instanceId: number }>(`/forms/${id}/changes/${changeId}/submit`, {}),
  retry: (id: number, changeId: number) =>
    http.post<FormChange>(`/forms/${id}/changes/${changeId}/retry`, {}),
  discard: (id: number, changeId: number) => http.delete<void>(`/forms/${id}/changes/${changeId}`),
  schema: (code: string) => http.get<FormSchema>(`/form-data/${code}/schema`),
  upload: (code: string, field: string, file: File) =>
    uploadFile(`/form-data/${code}/files/${field}`, file),
  download: (code: string, recordId: number, field: string, fileName: string) =>
    downloadFile(`/form-data/${code}/${recordId}/files/${field}`, fileName),
}

/** The file of an attachment field as a record holds it. */
export interface FileRef {
  id: number
  fileName: string
  size: number
  contentType: string | null
}

/** Multipart upload (the JSON client cannot send files); 422 carries the policy's message. */
async function uploadFile(path: string, file: File): Promise<FileRef> {
  const body = new FormData()
  body.append('file', file)
  const response = await fetch(buildUrl(path), {
    method: 'POST',
    headers: { Accept: 'application/json', ...sessionHeaders() },
    body,
    credentials: 'same-origin',
  })
  const payload = await response.json().catch(() => ({}))
  if (response.ok) return payload as FileRef
  const message = payload.message ?? response.statusText
  if (response.status === 422) throw new ValidationError(message, payload.errors ?? [], payload)
  throw new ApiError(message, response.status, payload)
}
