/*
| 文书模板 versions. Version 0 of each kind is the shipped file
| (documents/templates/<code>.hbs); each save by an administrator appends the
| next version (never an update), so a document records which version filled it
| and the history shows who changed what.
*/
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import { audit } from '#core/audit/audit'
import type { UserAccess } from '#core/identity/user_access'
import { dbNow, fromDb } from '#core/db/db_time'
import { CaseError } from '../cases/case_error.js'
import { DOCUMENT_KIND_CODES, DOCUMENT_KINDS } from './kinds.js'
import { templateProblem } from './render.js'

const TEMPLATE_DIR = new URL('./templates/', import.meta.url)

export async function defaultTemplate(code: string): Promise<string> {
  if (!DOCUMENT_KIND_CODES.includes(code)) throw new Error(`Unknown document kind ${code}`)
  return readFile(fileURLToPath(new URL(`${code}.hbs`, TEMPLATE_DIR)), 'utf8')
}

export interface TemplateVersion {
  code: string
  version: number
  body: string
}

/** The version in use: the newest an administrator saved, else the shipped default. */
export async function currentTemplate(code: string): Promise<TemplateVersion> {
  const row = await db
    .from('lit_document_templates')
    .where('code', code)
    .orderBy('version', 'desc')
    .first()
  if (row) return { code, version: Number(row.version), body: row.body }
  return { code, version: 0, body: await defaultTemplate(code) }
}

export async function templateList() {
  const rows = await db
    .from('lit_document_templates')
    .groupBy('code')
    .select('code')
    .max('version as version')
  return DOCUMENT_KINDS.map((k) => ({
    code: k.code,
    name: { zh: k.zh, en: k.en },
    version: Number(rows.find((r) => r.code === k.code)?.version ?? 0),
  }))
}

export async function templateHistory(code: string) {
  const rows = await db
    .from('lit_document_templates as t')
    .leftJoin('users as u', 'u.id', 't.created_by')
    .where('t.code', code)
    .orderBy('t.version', 'desc')
    .select('t.version', 't.remark', 't.created_at', 'u.real_name as author')
  return [
    ...rows.map((r) => ({
      version: Number(r.version),
      remark: r.remark ?? null,
      author: r.author ?? null,
      createdAt: fromDb(r.created_at)?.toISO() ?? null,
    })),
    { version: 0, remark: '系统默认模板', author: null, createdAt: null },
  ]
}

export async function templateVersion(code: string, version: number) {
  if (version === 0) return { code, version, body: await defaultTemplate(code) }
  const row = await db
    .from('lit_document_templates')
    .where('code', code)
    .where('version', version)
    .first()
  return row ? { code, version, body: row.body as string } : null
}

/** 保存新版本: refused (422) when it does not compile or outputs unescaped values. */
export async function saveTemplate(
  ctx: HttpContext | null,
  access: UserAccess,
  code: string,
  input: { body: string; remark?: string | null; baseVersion: number }
) {
  const problem = templateProblem(input.body)
  if (problem) throw new CaseError(422, problem.zh, problem.en, 'body')
  return db.transaction(async (trx) => {
    const latest = await trx
      .from('lit_document_templates')
      .where('code', code)
      .orderBy('version', 'desc')
      .forUpdate()
      .first()
    const current = Number(latest?.version ?? 0)
    if (current !== input.baseVersion)
      throw new CaseError(
        409,
        `模板已被他人修改（当前版本 ${current}），请刷新后再保存`,
        `Changed meanwhile (now version ${current}); reload first`
      )
    const version = current + 1
    await trx.table('lit_document_templates').insert({
      code,
      version,
      body: input.body,
      remark: input.remark ?? null,
      created_by: access.user.id,
      created_at: dbNow(),
    })
    await audit.append(ctx, {
      action: 'litigation.document_template.save',
      entityType: 'lit_document_template',
      entityId: `${code}:${version}`,
      after: { code, version, remark: input.remark ?? null, length: input.body.length },
      trx,
    })
    return version
  })
}
