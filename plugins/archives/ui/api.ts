/* 客户档案管理: one typed function per endpoint, over the shell's HTTP client. */
import { ElMessage } from 'element-plus'
import { buildUrl, http, request } from '@/api/http'
import { fetchFile } from '@/api/download'
import { sessionHeaders } from '@/areas/identity/session'
import { currentLocale, localize } from '@/i18n'

export const tr = (zh: string, en: string) => localize({ zh, en }, currentLocale.value)

export const CATEGORY_DICT = 'archives_category'

export interface ArchiveVersion {
  id: number
  version: number
  docNo: string | null
  status: string
  delivery: string | null
  fileName: string | null
  contentType: string | null
  sizeBytes: number | null
  previewable: boolean
  createdBy: string | null
  createdAt: string
}

export interface ArchiveDocument {
  id: number
  title: string
  category: string
  kind: string
  remark: string | null
  docNo: string | null
  status: 'queued' | 'filed'
  version: number
  versions: ArchiveVersion[]
}

export interface ArchiveTree {
  online: boolean
  customer: { id: number; customerNo: string; name: string }
  categories: Array<{ category: string; documents: ArchiveDocument[] }>
}

const base = (customerId: number) => `/archives/customers/${customerId}`

/** Multipart (the JSON client cannot send files); a 422 shows its field messages. */
async function send(path: string, form: FormData): Promise<ArchiveDocument | null> {
  const response = await fetch(buildUrl(path), {
    method: 'POST',
    headers: sessionHeaders(),
    body: form,
  })
  const body = await response.json().catch(() => ({}))
  if (!response.ok) {
    const fields = Array.isArray(body.errors) ? body.errors.map((e: any) => e.message) : []
    ElMessage.error([body.message ?? response.statusText, ...fields].join('：'))
    return null
  }
  return body as ArchiveDocument
}

export const archivesApi = {
  tree: (customerId: number) => http.get<ArchiveTree>(`${base(customerId)}/tree`),
  upload(
    customerId: number,
    meta: { title: string; category: string; remark: string },
    file: File
  ) {
    const form = new FormData()
    form.append('title', meta.title)
    form.append('category', meta.category)
    if (meta.remark) form.append('remark', meta.remark)
    form.append('file', file)
    return send(`${base(customerId)}/documents`, form)
  },
  replace(customerId: number, documentId: number, file: File) {
    const form = new FormData()
    form.append('file', file)
    return send(`${base(customerId)}/documents/${documentId}/versions`, form)
  },
  update: (
    customerId: number,
    documentId: number,
    change: { title: string; category: string; remark: string | null }
  ) =>
    request<ArchiveDocument>('PATCH', `${base(customerId)}/documents/${documentId}`, {
      body: change,
    }),
  preview: (customerId: number, documentId: number, versionId: number) =>
    fetchFile(`${base(customerId)}/documents/${documentId}/versions/${versionId}/preview`),
}
