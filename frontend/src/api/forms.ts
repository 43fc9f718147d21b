import { http } from './http'
import type { Localized } from '@/i18n'

/* 表单构建 (backend/forms): the designer and the data of effective forms. */
export const FIELD_TYPES = [
  'text',
  'longtext',
  'integer',
  'money',
  'date',
  'dict',
  'org',
  'user',
] as const
export type FormFieldType = (typeof FIELD_TYPES)[number]

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
}
