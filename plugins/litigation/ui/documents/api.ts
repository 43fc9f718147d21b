/* 法律文书: documents, versions, templates; and a case picker source over the case list. */
import { http } from '@/api/http'
import type { PickerSource } from '@/components/pickers/picker_source'
import type { Localized } from '@/i18n'

export interface DocumentRow {
  id: number
  caseId: number
  caseNo: string
  customerName: string
  kind: string
  templateVersion: number
  title: string
  currentVersion: number
  updatedAt: string | null
}

export interface DocumentDetail extends DocumentRow {
  version: number
  html: string
  versions: Array<{
    version: number
    note: string | null
    author: string | null
    createdAt: string | null
  }>
}

export interface TemplateSummary {
  code: string
  name: Localized
  version: number
}

export interface TemplateDetail {
  code: string
  version: number
  body: string
  history: Array<{
    version: number
    remark: string | null
    author: string | null
    createdAt: string | null
  }>
}

export const documentsApi = {
  list: (query: Record<string, string | number | undefined>) =>
    http.get<{ data: DocumentRow[]; meta: { total: number } }>('/litigation/documents', query),
  show: (id: number, version?: number) =>
    http.get<DocumentDetail>(`/litigation/documents/${id}`, { version }),
  apply: (caseId: number, kind: string) =>
    http.post<DocumentDetail>('/litigation/documents', { caseId, kind }),
  save: (id: number, body: { html: string; note?: string | null; baseVersion: number }) =>
    http.put<DocumentDetail>(`/litigation/documents/${id}`, body),
  templates: () => http.get<{ data: TemplateSummary[] }>('/litigation/document-templates'),
  template: (code: string, version?: number) =>
    http.get<TemplateDetail>(`/litigation/document-templates/${code}`, { version }),
  saveTemplate: (
    code: string,
    body: { body: string; remark?: string | null; baseVersion: number }
  ) => http.put<TemplateDetail>(`/litigation/document-templates/${code}`, body),
}

/** Cases in the user's scope for a RecordPicker (案号 — customer). */
export const caseSource: PickerSource = async (query) => {
  const result = await http.get<{
    data: Array<{ id: number; caseNo: string; customerName: string; court: string }>
    meta: { total: number }
  }>('/litigation/cases', {
    keyword: query.keyword || undefined,
    page: query.page,
    perPage: query.perPage,
    ids: query.ids?.join(',') || undefined,
  })
  return {
    data: result.data.map((c) => ({
      value: c.id,
      label: `${c.caseNo} ${c.customerName}`,
      hint: c.court,
    })),
    total: result.meta.total,
  }
}
