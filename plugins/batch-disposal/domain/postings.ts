/*
| 账务处理: a package's postings with the outbox's state (sent, pending, dead),
| paged and counted by state (a package may hold 150 000 postings), and 重发
| of a refused one with the same idempotency key.
*/
import db from '@adonisjs/lucid/services/db'
import { outbox } from '#core/connectors/outbox'
import { Money } from '#core/money/money'
import { ITEMS, POSTINGS } from './store.js'

export async function postingsOf(
  packageId: number,
  input: { page?: number; perPage?: number; status?: string }
) {
  const q = db
    .from(`${POSTINGS} as p`)
    .join('outbox_messages as o', 'o.id', 'p.outbox_id')
    .join(`${ITEMS} as i`, (j) =>
      j.on('i.package_id', 'p.package_id').andOn('i.loan_id', 'p.loan_id')
    )
    .where('p.package_id', packageId)
  if (input.status) q.where('o.status', input.status)
  const page = input.page ?? 1
  const perPage = input.perPage ?? 50
  const [{ total }] = await q.clone().count('* as total')
  const rows = await q
    .orderBy('p.id')
    .offset((page - 1) * perPage)
    .limit(perPage)
    .select(
      'p.id',
      'p.kind',
      'p.idempotency_key',
      'i.loan_no',
      'o.status',
      'o.attempts',
      'o.last_error'
    )
    .select(db.raw('CAST(p.amount_fen AS CHAR) as amount_fen'))
  const states = await db
    .from(`${POSTINGS} as p`)
    .join('outbox_messages as o', 'o.id', 'p.outbox_id')
    .where('p.package_id', packageId)
    .groupBy('o.status')
    .select('o.status', db.raw('COUNT(*) as n'))
  return {
    data: rows.map((r: any) => ({
      id: Number(r.id),
      loanNo: r.loan_no,
      kind: r.kind,
      amount: Money.fromFen(r.amount_fen).toYuan(),
      idempotencyKey: r.idempotency_key,
      status: r.status as 'pending' | 'sent' | 'dead',
      attempts: Number(r.attempts),
      reason: r.last_error ?? null,
    })),
    meta: { total: Number(total), page, perPage },
    byStatus: Object.fromEntries(states.map((s: any) => [s.status, Number(s.n)])),
  }
}

/** 重发 a refused posting; null when not the package's, false when not dead. */
export async function retryPosting(packageId: number, postingId: number) {
  const row = await db.from(POSTINGS).where('id', postingId).where('package_id', packageId).first()
  if (!row) return null
  return outbox.retryDead(Number(row.outbox_id))
}
