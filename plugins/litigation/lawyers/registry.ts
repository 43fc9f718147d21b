/*
| 律所库 / 律师库: the bank's registry of law firms and their lawyers. It is the bank's
| reference list (like a dictionary), kept by the head office and read by every branch
| that engages a lawyer, so it is gated by permission, not by org scope. Writes are
| audited by the controller. Specialities are dictionary codes, conflicts one party
| (name or customer number) per line.
*/
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { dbNow, fromDb } from '#core/db/db_time'
import { LIKE, likeContains, likePrefix } from '#core/db/like'
import { RuleError } from '#core/plugins/rule_error'

/** A refusal (its text as written): a RuleError the exception handler answers, a 422 also under its field. */
export class RegistryError extends RuleError {
  constructor(
    status: 404 | 409 | 422,
    message: string,
    readonly field?: string
  ) {
    super(status, 'litigation.lawyerRefused', {
      message,
      problems:
        status === 422
          ? [{ field: field ?? 'id', rule: 'litigationLawyer', text: { zh: message, en: message } }]
          : undefined,
    })
  }

  /** Another plugin's refusal (status, zh, field) met on the way, answered as this one. */
  static from(error: { status: 404 | 409 | 422; zh: string; field?: string }) {
    return new RegistryError(error.status, error.zh, error.field)
  }
}

export interface FirmInput {
  name: string
  licenceNo: string
  address?: string
  contact?: string
  phone?: string
  specialities: string[]
  panelStatus: string
  rating?: number | null
  conflicts?: string
}

export interface LawyerInput {
  firmId: number
  name: string
  licenceNo: string
  phone?: string
  specialities: string[]
  panelStatus: string
  rating?: number | null
  conflicts?: string
}

const specialities = (text: unknown): string[] => {
  try {
    const value = JSON.parse(String(text ?? '[]'))
    return Array.isArray(value) ? value.map(String) : []
  } catch {
    return []
  }
}

export function firmRow(r: any) {
  return {
    id: Number(r.id),
    name: r.name as string,
    licenceNo: r.licence_no as string,
    address: (r.address as string) ?? null,
    contact: (r.contact as string) ?? null,
    phone: (r.phone as string) ?? null,
    specialities: specialities(r.specialities),
    panelStatus: r.panel_status as string,
    rating: r.rating === null ? null : Number(r.rating),
    conflicts: (r.conflicts as string) ?? '',
    lawyerCount: r.lawyer_count === undefined ? undefined : Number(r.lawyer_count),
    updatedAt: fromDb(r.updated_at)?.toISO() ?? null,
  }
}

export function lawyerRow(r: any) {
  return {
    id: Number(r.id),
    firmId: Number(r.firm_id),
    firmName: (r.firm_name as string) ?? null,
    name: r.name as string,
    licenceNo: r.licence_no as string,
    phone: (r.phone as string) ?? null,
    specialities: specialities(r.specialities),
    panelStatus: r.panel_status as string,
    rating: r.rating === null ? null : Number(r.rating),
    conflicts: (r.conflicts as string) ?? '',
    updatedAt: fromDb(r.updated_at)?.toISO() ?? null,
  }
}

export async function listFirms(filters: {
  keyword?: string
  panelStatus?: string
  page?: number
  perPage?: number
}) {
  const query = db
    .from('lit_law_firms as f')
    .select(
      'f.*',
      db.raw('(SELECT COUNT(*) FROM lit_lawyers lw WHERE lw.firm_id = f.id) as lawyer_count')
    )
    .orderBy('f.id', 'desc')
  if (filters.keyword)
    query.where((q) =>
      q
        .whereRaw(LIKE, ['f.name', likeContains(filters.keyword)])
        .orWhereRaw(LIKE, ['f.licence_no', likePrefix(filters.keyword)])
    )
  if (filters.panelStatus) query.where('f.panel_status', filters.panelStatus)
  const page = await query.paginate(filters.page ?? 1, filters.perPage ?? 20)
  return {
    data: page.all().map(firmRow),
    meta: { total: page.total, page: page.currentPage, perPage: page.perPage },
  }
}

export async function firmById(id: number, client: QueryClientContract = db.connection()) {
  const row = await client.from('lit_law_firms').where('id', id).first()
  return row ? firmRow(row) : null
}

export async function listLawyers(filters: {
  firmId?: number
  keyword?: string
  panelStatus?: string
  page?: number
  perPage?: number
}) {
  const query = db
    .from('lit_lawyers as l')
    .join('lit_law_firms as f', 'f.id', 'l.firm_id')
    .select('l.*', 'f.name as firm_name')
    .orderBy('l.id', 'desc')
  if (filters.firmId) query.where('l.firm_id', filters.firmId)
  if (filters.panelStatus) query.where('l.panel_status', filters.panelStatus)
  if (filters.keyword)
    query.where((q) =>
      q
        .whereRaw(LIKE, ['l.name', likeContains(filters.keyword)])
        .orWhereRaw(LIKE, ['l.licence_no', likePrefix(filters.keyword)])
        .orWhereRaw(LIKE, ['f.name', likeContains(filters.keyword)])
    )
  const page = await query.paginate(filters.page ?? 1, filters.perPage ?? 20)
  return {
    data: page.all().map(lawyerRow),
    meta: { total: page.total, page: page.currentPage, perPage: page.perPage },
  }
}

export async function lawyerById(id: number, client: QueryClientContract = db.connection()) {
  const row = await client
    .from('lit_lawyers as l')
    .join('lit_law_firms as f', 'f.id', 'l.firm_id')
    .where('l.id', id)
    .select('l.*', 'f.name as firm_name')
    .first()
  return row ? lawyerRow(row) : null
}

async function assertLicenceFree(
  client: QueryClientContract,
  table: string,
  licenceNo: string,
  id?: number
) {
  const query = client.from(table).where('licence_no', licenceNo).select('id')
  if (id) query.whereNot('id', id)
  if (await query.first()) throw new RegistryError(422, '执业证号已登记', 'licenceNo')
}

const firmColumns = (input: FirmInput) => ({
  name: input.name,
  licence_no: input.licenceNo,
  address: input.address || null,
  contact: input.contact || null,
  phone: input.phone || null,
  specialities: JSON.stringify([...new Set(input.specialities)]),
  panel_status: input.panelStatus,
  rating: input.rating ?? null,
  conflicts: input.conflicts?.trim() || null,
})

const lawyerColumns = (input: LawyerInput) => ({
  firm_id: input.firmId,
  name: input.name,
  licence_no: input.licenceNo,
  phone: input.phone || null,
  specialities: JSON.stringify([...new Set(input.specialities)]),
  panel_status: input.panelStatus,
  rating: input.rating ?? null,
  conflicts: input.conflicts?.trim() || null,
})

export async function saveFirm(
  input: FirmInput,
  userId: number,
  id?: number
): Promise<{ id: number; before: ReturnType<typeof firmRow> | null }> {
  return db.transaction(async (trx) => {
    const before = id ? await trx.from('lit_law_firms').where('id', id).forUpdate().first() : null
    if (id && !before) throw new RegistryError(404, '律所不存在')
    await assertLicenceFree(trx, 'lit_law_firms', input.licenceNo, id)
    const now = dbNow()
    if (id) {
      await trx
        .from('lit_law_firms')
        .where('id', id)
        .update({ ...firmColumns(input), updated_at: now })
      return { id, before: firmRow(before) }
    }
    const [created] = await trx
      .table('lit_law_firms')
      .insert({ ...firmColumns(input), created_by: userId, created_at: now, updated_at: now })
    return { id: Number(created), before: null }
  })
}

export async function saveLawyer(
  input: LawyerInput,
  userId: number,
  id?: number
): Promise<{ id: number; before: ReturnType<typeof lawyerRow> | null }> {
  return db.transaction(async (trx) => {
    const before = id ? await trx.from('lit_lawyers').where('id', id).forUpdate().first() : null
    if (id && !before) throw new RegistryError(404, '律师不存在')
    if (!(await trx.from('lit_law_firms').where('id', input.firmId).first()))
      throw new RegistryError(422, '所属律所不存在', 'firmId')
    await assertLicenceFree(trx, 'lit_lawyers', input.licenceNo, id)
    const now = dbNow()
    if (id) {
      await trx
        .from('lit_lawyers')
        .where('id', id)
        .update({ ...lawyerColumns(input), updated_at: now })
      return { id, before: lawyerRow(before) }
    }
    const [created] = await trx
      .table('lit_lawyers')
      .insert({ ...lawyerColumns(input), created_by: userId, created_at: now, updated_at: now })
    return { id: Number(created), before: null }
  })
}

/** True when the party (customer name or number) is among the conflicts listed. */
export function conflictsWith(conflicts: string, party: { name: string; no: string }): boolean {
  return conflicts
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .some((line) => line === party.name || line === party.no)
}
