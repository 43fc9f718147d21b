/*
| 法律文书申请: "apply" fills the kind's current template from the case and saves
| version 1; each save of the edited text appends the next version (sanitised;
| a save against an older version than the newest is a 409, so two clerks never
| overwrite each other). A document belongs to its case: the case's data scope
| decides who sees it (out of scope is 404).
*/
import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import { audit } from '#core/audit/audit'
import type { UserAccess } from '#core/identity/user_access'
import { dbNow, fromDb } from '#core/db/db_time'
import { hasReadableText, sanitizeHtmlContent } from '#core/notices/sanitize_html'
import { CaseError } from '../cases/case_error.js'
import { caseDetail } from '../cases/case_queries.js'
import { scopedCases } from '../cases/case_scope.js'
import { DOCUMENT_KINDS } from './kinds.js'
import { currentTemplate } from './template_store.js'
import { documentData } from './document_data.js'
import { fillTemplate } from './render.js'

const iso = (v: unknown) => fromDb(v)?.toISO() ?? null

/** Documents joined to their case, limited to the user's case scope (a builder). */
const scopedDocuments = (access: UserAccess) =>
  scopedCases(access).join('lit_documents as d', 'd.case_id', 'c.id')

export async function applyDocument(
  ctx: HttpContext | null,
  access: UserAccess,
  input: { caseId: number; kind: string }
) {
  const found = await caseDetail(access, input.caseId)
  if (!found) throw new CaseError(404, '案件不存在或无权访问', 'Case not found', 'caseId')
  const kind = DOCUMENT_KINDS.find((k) => k.code === input.kind)!
  const template = await currentTemplate(kind.code)
  const html = fillTemplate(template.body, await documentData(access, found))
  return db.transaction(async (trx) => {
    const now = dbNow()
    const [id] = await trx.table('lit_documents').insert({
      case_id: found.id,
      template_code: kind.code,
      template_version: template.version,
      title: `${kind.zh}（${found.caseNo} ${found.customerName}）`.slice(0, 200),
      current_version: 1,
      created_by: access.user.id,
      created_at: now,
      updated_at: now,
    })
    const documentId = Number(id)
    await trx.table('lit_document_versions').insert({
      document_id: documentId,
      version: 1,
      html,
      note: `由模板 ${kind.zh} 第 ${template.version} 版生成`,
      created_by: access.user.id,
      created_at: now,
    })
    await audit.append(ctx, {
      action: 'litigation.document.apply',
      entityType: 'lit_document',
      entityId: documentId,
      after: { caseId: found.id, kind: kind.code, templateVersion: template.version },
      trx,
    })
    return documentId
  })
}

export async function saveDocumentVersion(
  ctx: HttpContext | null,
  access: UserAccess,
  documentId: number,
  input: { html: string; note?: string | null; baseVersion: number }
) {
  const found = await documentInScope(access, documentId)
  if (!found) throw new CaseError(404, '文书不存在或无权访问', 'Document not found')
  const html = sanitizeHtmlContent(input.html)
  if (!hasReadableText(html))
    throw new CaseError(422, '文书内容不能为空', 'The text is empty', 'html')
  return db.transaction(async (trx) => {
    const row = await trx.from('lit_documents').where('id', documentId).forUpdate().first()
    const current = Number(row.current_version)
    if (current !== input.baseVersion)
      throw new CaseError(
        409,
        `文书已被他人保存为第 ${current} 版，请刷新后再编辑`,
        `Saved meanwhile as version ${current}; reload first`
      )
    const version = current + 1
    const now = dbNow()
    await trx.table('lit_document_versions').insert({
      document_id: documentId,
      version,
      html,
      note: input.note ?? null,
      created_by: access.user.id,
      created_at: now,
    })
    await trx
      .from('lit_documents')
      .where('id', documentId)
      .update({ current_version: version, updated_at: now })
    await audit.append(ctx, {
      action: 'litigation.document.save',
      entityType: 'lit_document',
      entityId: documentId,
      after: { version, note: input.note ?? null, length: html.length },
      trx,
    })
    return version
  })
}

function documentRow(r: any) {
  return {
    id: Number(r.id),
    caseId: Number(r.case_id),
    caseNo: r.case_no as string,
    customerName: r.customer_name as string,
    kind: r.template_code as string,
    templateVersion: Number(r.template_version),
    title: r.title as string,
    currentVersion: Number(r.current_version),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  }
}

const COLUMNS = [
  'd.id',
  'd.case_id',
  'd.template_code',
  'd.template_version',
  'd.title',
  'd.current_version',
  'd.created_at',
  'd.updated_at',
  'c.case_no',
  'c.customer_name',
]

export async function documentInScope(access: UserAccess, documentId: number) {
  if (!documentId) return null
  const row = await scopedDocuments(access).where('d.id', documentId).select(COLUMNS).first()
  return row ? documentRow(row) : null
}

export async function listDocuments(
  access: UserAccess,
  filters: { caseId?: number; kind?: string; page?: number; perPage?: number }
) {
  const query = scopedDocuments(access).select(COLUMNS).orderBy('d.id', 'desc')
  if (filters.caseId) query.where('d.case_id', filters.caseId)
  if (filters.kind) query.where('d.template_code', filters.kind)
  const page = await query.paginate(filters.page ?? 1, filters.perPage ?? 20)
  return {
    data: page.all().map(documentRow),
    meta: { total: page.total, page: page.currentPage, perPage: page.perPage },
  }
}

/** The document with one version's text (default: the newest) and the version history. */
export async function documentDetail(access: UserAccess, documentId: number, version?: number) {
  const found = await documentInScope(access, documentId)
  if (!found) return null
  const versions = await db
    .from('lit_document_versions as v')
    .leftJoin('users as u', 'u.id', 'v.created_by')
    .where('v.document_id', documentId)
    .orderBy('v.version', 'desc')
    .select('v.version', 'v.note', 'v.created_at', 'v.html', 'u.real_name as author')
  const chosen = versions.find((v) => Number(v.version) === (version ?? found.currentVersion))
  if (!chosen) return null
  return {
    ...found,
    version: Number(chosen.version),
    html: chosen.html as string,
    versions: versions.map((v) => ({
      version: Number(v.version),
      note: v.note ?? null,
      author: v.author ?? null,
      createdAt: iso(v.created_at),
    })),
  }
}
