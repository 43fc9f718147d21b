/*
| Reading cases: the list (filters, whitelisted sort, scoped) and the detail with
| parties, loans, progress, hearings, judgments, preservations and the deadlines
| derived from them. Every query starts from `scopedCases`: what a user cannot
| see does not exist for them (404 on the detail).
*/
import db from '@adonisjs/lucid/services/db'
import type { UserAccess } from '#core/identity/user_access'
import { Money } from '#core/money/money'
import { dateText } from '#core/holidays/calendar_date'
import { fromDb } from '#core/db/db_time'
import { LIKE, likeContains, likePrefix } from '#core/db/like'
import { scopedCases } from './case_scope.js'
import { caseInScope } from './case_service.js'

const SORTABLE: Record<string, string> = {
  caseNo: 'c.case_no',
  customerName: 'c.customer_name',
  court: 'c.court',
  stage: 'c.stage',
  filedOn: 'c.filed_on',
  claimTotal: 'claim_total_fen',
  updatedAt: 'c.updated_at',
}

export interface CaseFilters {
  page?: number
  perPage?: number
  keyword?: string
  sort?: string
  order?: 'asc' | 'desc'
  stage?: string
  customerId?: number
  ids?: string
  filedFrom?: string
  filedTo?: string
}

const yuan = (fen: unknown) => Money.fromFen(String(fen ?? 0)).toYuan()
const d = (v: unknown) => (v == null ? null : dateText(v))
const iso = (v: unknown) => fromDb(v)?.toISO() ?? null

export async function listCases(access: UserAccess, filters: CaseFilters) {
  const query = scopedCases(access)
    .leftJoin('orgs as o', 'o.id', 'c.org_id')
    .select(
      'c.id',
      'c.case_no',
      'c.court',
      'c.judge',
      'c.stage',
      'c.procedure',
      'c.filed_on',
      'c.customer_id',
      'c.customer_name',
      'c.org_id',
      'c.lawyer_name',
      'c.updated_at',
      'o.name as org_name',
      db.raw(
        'CAST(c.claim_principal_fen + c.claim_interest_fen + c.claim_other_fen AS CHAR) as claim_total_fen'
      ),
      db.raw('CAST(c.recovered_fen AS CHAR) as recovered_fen'),
      db
        .from('lit_case_deadlines as dl')
        .whereColumn('dl.case_id', 'c.id')
        .min('dl.due_date')
        .as('next_due')
    )
  if (filters.keyword) {
    const like = likeContains(filters.keyword)
    query.where((q) =>
      q
        .whereRaw(LIKE, ['c.case_no', like])
        .orWhereRaw(LIKE, ['c.customer_name', like])
        .orWhereRaw(LIKE, ['c.customer_no', likePrefix(filters.keyword)])
        .orWhereRaw(LIKE, ['c.court', like])
    )
  }
  if (filters.stage) query.where('c.stage', filters.stage)
  if (filters.customerId) query.where('c.customer_id', filters.customerId)
  if (filters.ids) query.whereIn('c.id', filters.ids.split(',').map(Number))
  if (filters.filedFrom) query.where('c.filed_on', '>=', filters.filedFrom)
  if (filters.filedTo) query.where('c.filed_on', '<=', filters.filedTo)
  query
    .orderBy(SORTABLE[filters.sort ?? ''] ?? 'c.id', filters.order ?? 'desc')
    .orderBy('c.id', 'desc')
  const page = await query.paginate(filters.page ?? 1, filters.perPage ?? 20)
  return {
    data: page.all().map((r: any) => ({
      id: Number(r.id),
      caseNo: r.case_no,
      court: r.court,
      judge: r.judge ?? null,
      stage: r.stage,
      procedure: r.procedure,
      filedOn: d(r.filed_on),
      customerId: Number(r.customer_id),
      customerName: r.customer_name,
      orgId: Number(r.org_id),
      orgName: r.org_name ?? null,
      lawyerName: r.lawyer_name ?? null,
      claimTotal: yuan(r.claim_total_fen),
      recovered: yuan(r.recovered_fen),
      nextDeadline: d(r.next_due),
      updatedAt: iso(r.updated_at),
    })),
    meta: { total: page.total, page: page.currentPage, perPage: page.perPage },
  }
}

/** One case in scope with everything the detail, the documents and the ledger show, or null. */
export async function caseDetail(access: UserAccess, caseId: number) {
  const summary = await caseInScope(access, caseId)
  if (!summary) return null
  const row = await db
    .from('lit_cases')
    .where('id', caseId)
    .select(
      'judge_phone',
      'closed_on',
      'remark',
      'created_at',
      'updated_at',
      db.raw('CAST(acceptance_fee_fen AS CHAR) as acceptance_fee_fen'),
      db.raw('CAST(preservation_fee_fen AS CHAR) as preservation_fee_fen')
    )
    .first()
  const [parties, progress, hearings, judgments, preservations, deadlines, files] =
    await Promise.all([
      db.from('lit_case_parties').where('case_id', caseId).orderBy('sort'),
      db
        .from('lit_case_progress as p')
        .leftJoin('users as u', 'u.id', 'p.created_by')
        .where('p.case_id', caseId)
        .orderBy([
          { column: 'p.happened_on', order: 'desc' },
          { column: 'p.id', order: 'desc' },
        ])
        .select('p.*', 'u.real_name as author'),
      db.from('lit_hearings').where('case_id', caseId).orderBy('hearing_on'),
      db
        .from('lit_judgments')
        .where('case_id', caseId)
        .orderBy('decided_on')
        .select(
          '*',
          ...['principal_awarded_fen', 'interest_awarded_fen', 'other_awarded_fen'].map((c) =>
            db.raw(`CAST(${c} AS CHAR) as ${c}`)
          )
        ),
      db
        .from('lit_preservations')
        .where('case_id', caseId)
        .orderBy('start_on')
        .select('*', db.raw('CAST(amount_fen AS CHAR) as amount_fen')),
      db.from('lit_case_deadlines').where('case_id', caseId).orderBy('due_date'),
      db
        .from('lit_case_files')
        .where('case_id', caseId)
        .orderBy('id')
        .select('id', 'progress_id', 'file_name', 'size', 'content_type', 'created_at'),
    ])
  return {
    ...summary,
    judgePhone: row.judge_phone ?? null,
    closedOn: d(row.closed_on),
    remark: row.remark ?? null,
    acceptanceFee: yuan(row.acceptance_fee_fen),
    preservationFee: yuan(row.preservation_fee_fen),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    parties: parties.map((p) => ({
      id: Number(p.id),
      role: p.role,
      kind: p.kind,
      customerId: p.customer_id == null ? null : Number(p.customer_id),
      guaranteeId: p.guarantee_id == null ? null : Number(p.guarantee_id),
      name: p.name,
      address: p.address ?? null,
      legalRepresentative: p.legal_representative ?? null,
    })),
    progress: progress.map((p) => ({
      id: Number(p.id),
      happenedOn: d(p.happened_on),
      stage: p.stage,
      content: p.content,
      nextStep: p.next_step ?? null,
      nextDate: d(p.next_date),
      author: p.author ?? null,
      files: files
        .filter((f) => Number(f.progress_id) === Number(p.id))
        .map((f) => ({ id: Number(f.id), fileName: f.file_name, size: Number(f.size) })),
    })),
    hearings: hearings.map((h) => ({
      id: Number(h.id),
      hearingOn: d(h.hearing_on),
      hearingTime: h.hearing_time ?? null,
      kind: h.kind,
      place: h.place ?? null,
      remark: h.remark ?? null,
    })),
    judgments: judgments.map((j) => ({
      id: Number(j.id),
      kind: j.kind,
      documentNo: j.document_no ?? null,
      decidedOn: d(j.decided_on),
      servedOn: d(j.served_on),
      principalAwarded: yuan(j.principal_awarded_fen),
      interestAwarded: yuan(j.interest_awarded_fen),
      otherAwarded: yuan(j.other_awarded_fen),
      totalAwarded: Money.fromFen(String(j.principal_awarded_fen))
        .plus(Money.fromFen(String(j.interest_awarded_fen)))
        .plus(Money.fromFen(String(j.other_awarded_fen)))
        .toYuan(),
      performanceDeadline: d(j.performance_deadline),
      summary: j.summary ?? null,
    })),
    preservations: preservations.map((p) => ({
      id: Number(p.id),
      kind: p.kind,
      target: p.target,
      amount: yuan(p.amount_fen),
      rulingNo: p.ruling_no ?? null,
      startOn: d(p.start_on),
      endOn: d(p.end_on),
      renewedFromId: p.renewed_from_id == null ? null : Number(p.renewed_from_id),
      renewed: preservations.some((o) => Number(o.renewed_from_id) === Number(p.id)),
      remark: p.remark ?? null,
    })),
    deadlines: deadlines.map((x) => ({
      kind: x.kind,
      refId: Number(x.ref_id),
      dueDate: d(x.due_date),
      title: x.title,
      rule: x.rule,
    })),
  }
}

export type CaseDetail = NonNullable<Awaited<ReturnType<typeof caseDetail>>>
