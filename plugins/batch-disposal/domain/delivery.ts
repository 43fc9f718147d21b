/*
| 交割: one idempotent bulk step. `startDelivery` moves a paid package to 交割中
| (a conditional update: a second call finds it moved and is refused, posting
| nothing), allocates the price over the loans (allocation.ts) and draws up
| the 债权转让通知 (民法典 §546) for every debtor and guarantor in two
| INSERT … SELECT statements. Then chunk by chunk (a chunk = the remaining
| loans of up to 100 debtors, in its own transaction; inline up to 参数
| batch-disposal.deliveryInlineMax loans, else the job batch-disposal:deliver
| with progress): each loan 已转让 through credit-assets' book_writer, its
| postings in the outbox (key `batch-disposal:<package>:<loan>:<kind>`,
| unique in batch_disposal_postings too), a disposal outcome per debtor
| (method batch_transfer), the loans marked delivered. A chunk takes only
| undelivered loans, so a retried job never doubles anything.
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { Money } from '#core/money/money'
import { outbox } from '#core/connectors/outbox'
import { queue } from '#core/queue/queue'
import { settings } from '#core/settings/settings'
import { dbNow } from '#core/support/db_time'
import { businessDate } from '#core/business_day/business_date'
import type { UserAccess } from '#core/auth/user_access'
import { applyDataScope } from '#core/auth/data_scope'
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'
import { bookWriter } from '../../credit-assets/services/book_writer.js'
import { recordDisposalOutcome, OutcomeError } from '../../disposal/services/outcomes_api.js'
import {
  ALLOCATIONS,
  DD,
  ITEMS,
  LOCKS,
  NOTICES,
  PACKAGES,
  POSTINGS,
  PROJECTS,
  day,
  packageRow,
} from './store.js'
import { movePackage } from './packages.js'
import { allocatePrice, planPostings } from './allocation.js'
import { POSTING_KINDS } from './dictionaries.js'
import { BatchError } from './batch_error.js'

export const DELIVER_JOB = 'batch-disposal:deliver'
export const INLINE_MAX = 'batch-disposal.deliveryInlineMax'
export const POSTING_ACCOUNTS = 'batch-disposal.postingAccounts'
const DEBTORS_PER_CHUNK = 100

export const postingKey = (packageId: number, loanId: number, kind: string) =>
  `batch-disposal:${packageId}:${loanId}:${kind}`

async function allocate(trx: TransactionClientContract, pkg: any) {
  const rows = await trx
    .from(`${ITEMS} as i`)
    .leftJoin(`${DD} as d`, 'd.item_id', 'i.id')
    .where('i.package_id', pkg.id)
    .orderBy('i.id')
    .select(
      'i.id',
      trx.raw('CAST(i.principal_fen AS CHAR) as principal_fen'),
      trx.raw('CAST(d.recoverable_fen AS CHAR) as recoverable_fen')
    )
  if (pkg.allocation === 'valuation' && rows.some((r: any) => r.recoverable_fen === null))
    throw new BatchError(409, '价款按估值分配：资产包中尚有未登记尽调估值的资产')
  const shares = allocatePrice(
    String(pkg.price_fen),
    rows.map((r: any) => ({
      itemId: Number(r.id),
      principalFen: String(r.principal_fen),
      valuationFen: r.recoverable_fen,
    })),
    pkg.allocation
  )
  for (let start = 0; start < shares.length; start += 2000)
    await trx
      .table(ALLOCATIONS)
      .multiInsert(
        shares
          .slice(start, start + 2000)
          .map((s) => ({ item_id: s.itemId, package_id: pkg.id, price_fen: s.share.toFen() }))
      )
}

/** 债权转让通知: the package's debtors and their guarantors, one notice each, set-based. */
async function drawUpNotices(trx: TransactionClientContract, packageId: number) {
  const now = dbNow()
  await trx.rawQuery(
    `INSERT INTO ${NOTICES} (package_id, party_kind, party_key, party_name, customer_id, org_id, created_at)
     SELECT ?, 'debtor', CAST(i.customer_id AS CHAR), MIN(i.customer_name), i.customer_id, MIN(i.org_id), ?
       FROM ${ITEMS} i WHERE i.package_id = ? GROUP BY i.customer_id`,
    [packageId, now, packageId]
  )
  await trx.rawQuery(
    `INSERT INTO ${NOTICES} (package_id, party_kind, party_key, party_name, customer_id, org_id, created_at)
     SELECT ?, 'guarantor', COALESCE(CAST(g.guarantor_customer_id AS CHAR), g.guarantor_name),
            MIN(COALESCE(g.guarantor_name, '')), MIN(g.guarantor_customer_id), MIN(i.org_id), ?
       FROM ${book.guarantees.table} g JOIN ${ITEMS} i ON i.loan_id = g.loan_id
      WHERE i.package_id = ? AND (g.guarantor_customer_id IS NOT NULL OR g.guarantor_name IS NOT NULL)
      GROUP BY COALESCE(CAST(g.guarantor_customer_id AS CHAR), g.guarantor_name)`,
    [packageId, now, packageId]
  )
}

export async function startDelivery(
  access: UserAccess,
  packageId: number,
  input: { handoverDate: string }
) {
  const pkg = await packageRow(access, packageId, true)
  if (input.handoverDate > (await businessDate.current()))
    throw new BatchError(422, '交割日期不能晚于当前营业日')
  if (pkg.status === 'delivering' || pkg.status === 'delivered')
    throw new BatchError(409, `资产包 ${pkg.package_no} 已交割，不能重复交割`)
  const gone = await db
    .from(`${ITEMS} as i`)
    .join(book.loans.as('l'), 'l.id', 'i.loan_id')
    .where('i.package_id', packageId)
    .whereNot('l.status', 'active')
    .select('i.loan_no')
    .limit(20)
  if (gone.length)
    throw new BatchError(
      409,
      `以下借据已不在账（已结清、核销或处置）：${gone.map((g: any) => g.loan_no).join('、')}`
    )
  await db.transaction(async (trx) => {
    const before = await movePackage(trx, packageId, ['paid'], 'delivering', {
      handover_date: input.handoverDate,
    })
    await allocate(trx, { ...before, price_fen: pkg.price_fen })
    await drawUpNotices(trx, packageId)
  })
  const [{ n }] = await db.from(ITEMS).where('package_id', packageId).count('* as n')
  if (Number(n) <= (await settings.integer(INLINE_MAX))) {
    for (;;) if ((await deliverChunk(packageId)).done) break
    return { jobId: null }
  }
  return { jobId: await queue.dispatch(DELIVER_JOB, { packageId }, { userId: access.user.id }) }
}

const MEMO = new Map<string, string>(POSTING_KINDS.map(([k, zh]) => [k, zh]))

/** One chunk of 交割 in its own transaction: what it did, and whether the package is done. */
export function deliverChunk(packageId: number) {
  return db.transaction(async (trx) => {
    const pkg = await trx.from(PACKAGES).where('id', packageId).forUpdate().first()
    if (!pkg || pkg.status !== 'delivering') throw new BatchError(409, '资产包不在交割中')
    const handover = day(pkg.handover_date)!
    const debtors = await trx
      .from(ITEMS)
      .where('package_id', packageId)
      .whereNull('delivered_on')
      .distinct('customer_id')
      .orderBy('customer_id')
      .limit(DEBTORS_PER_CHUNK)
    const items = debtors.length
      ? await trx
          .from(`${ITEMS} as i`)
          .join(`${ALLOCATIONS} as a`, 'a.item_id', 'i.id')
          .where('i.package_id', packageId)
          .whereNull('i.delivered_on')
          .whereIn(
            'i.customer_id',
            debtors.map((d: any) => d.customer_id)
          )
          .orderBy('i.id')
          .select(
            'i.id',
            'i.loan_id',
            'i.loan_no',
            'i.customer_id',
            ...['principal_fen', 'on_interest_fen', 'off_interest_fen'].map((c) =>
              trx.raw(`CAST(i.${c} AS CHAR) as ${c}`)
            ),
            trx.raw('CAST(a.price_fen AS CHAR) as price_fen')
          )
      : []
    const accounts = await settings.json<Record<string, string>>(POSTING_ACCOUNTS)
    const reason = `批量转让 ${pkg.package_no}`
    let postings = 0
    for (const item of items) {
      await bookWriter.changeLoanStatus(trx, {
        loanId: Number(item.loan_id),
        status: 'transferred',
        reason,
        businessDate: handover,
        operatorId: Number(pkg.created_by),
      })
      postings += await enqueuePostings(trx, pkg, item, accounts)
    }
    await recordOutcomes(trx, pkg, handover, items)
    if (items.length)
      await trx
        .from(ITEMS)
        .whereIn(
          'id',
          items.map((i: any) => i.id)
        )
        .update({ delivered_on: handover })
    const left = await trx
      .from(ITEMS)
      .where('package_id', packageId)
      .whereNull('delivered_on')
      .first()
    if (!left) await finish(trx, pkg)
    return { loans: items.length, postings, done: !left }
  })
}

async function enqueuePostings(
  trx: TransactionClientContract,
  pkg: any,
  item: any,
  accounts: Record<string, string>
) {
  const planned = planPostings({
    loanId: Number(item.loan_id),
    loanNo: item.loan_no,
    principalFen: item.principal_fen,
    onInterestFen: item.on_interest_fen,
    offInterestFen: item.off_interest_fen,
    shareFen: item.price_fen,
  })
  for (const p of planned) {
    const key = postingKey(Number(pkg.id), Number(item.loan_id), p.kind)
    const outboxId = await outbox.enqueue(trx, {
      system: 'core-banking',
      interface: 'posting',
      idempotencyKey: key,
      correlationId: pkg.package_no,
      payload: {
        loanNo: item.loan_no,
        accountNo: accounts[p.kind] ?? p.kind,
        amount: p.amount.toYuan(),
        direction: p.kind === 'price' ? 'debit' : 'credit',
        memo: `${MEMO.get(p.kind)} ${pkg.package_no}`,
      },
    })
    await trx.table(POSTINGS).insert({
      package_id: pkg.id,
      loan_id: item.loan_id,
      kind: p.kind,
      amount_fen: p.amount.toFen(),
      idempotency_key: key,
      outbox_id: outboxId,
      created_at: dbNow(),
    })
  }
  return planned.length
}

/** 处置结果: one outcome per debtor of the chunk (the outcome is per customer). */
async function recordOutcomes(
  trx: TransactionClientContract,
  pkg: any,
  handover: string,
  items: any[]
) {
  const byDebtor = new Map<number, any[]>()
  for (const i of items)
    byDebtor.set(Number(i.customer_id), [...(byDebtor.get(Number(i.customer_id)) ?? []), i])
  for (const [customerId, loans] of byDebtor) {
    const price = Money.sum(loans.map((l) => Money.fromFen(l.price_fen)))
    const principal = Money.sum(loans.map((l) => Money.fromFen(l.principal_fen)))
    const bookValue = principal.plus(Money.sum(loans.map((l) => Money.fromFen(l.on_interest_fen))))
    const loss = bookValue.minus(price)
    try {
      await recordDisposalOutcome(trx, {
        loanIds: loans.map((l) => Number(l.loan_id)),
        method: 'batch_transfer',
        completedOn: handover,
        cashRecovered: price.toYuan(),
        loss: loss.isNegative() ? '0.00' : loss.toYuan(),
        balanceReduced: principal.toYuan(),
        sourcePlugin: 'batch-disposal',
        sourceRef: `package:${pkg.id}:customer:${customerId}`,
        sourceLink: `/p/batch-disposal/Postings?package=${pkg.id}`,
        operatorId: Number(pkg.created_by),
      })
    } catch (error) {
      if (error instanceof OutcomeError) throw new BatchError(error.status as any, error.zh)
      throw error
    }
  }
}

async function finish(trx: TransactionClientContract, pkg: any) {
  await trx
    .from(PACKAGES)
    .where('id', pkg.id)
    .update({ status: 'delivered', delivered_at: dbNow(), updated_at: dbNow() })
  await trx
    .from(LOCKS)
    .whereIn('loan_id', trx.from(ITEMS).where('package_id', pkg.id).select('loan_id'))
    .delete()
  const open = await trx
    .from(ITEMS)
    .where('project_id', pkg.project_id)
    .whereNull('delivered_on')
    .first()
  if (!open)
    await trx
      .from(PROJECTS)
      .where('id', pkg.project_id)
      .update({ status: 'closed', stage: 'closed', updated_at: dbNow() })
}

/** Loans of the package delivered so far, and in all. */
export async function deliveryOf(packageId: number) {
  const [row] = await db
    .from(ITEMS)
    .where('package_id', packageId)
    .select(db.raw('COUNT(*) as total'), db.raw('COUNT(delivered_on) as done'))
  return { total: Number(row.total), done: Number(row.done) }
}

/** 送达登记 in bulk: the given notices (or every unserved one) of the package, in the caller's scope. */
export async function serveNotices(
  access: UserAccess,
  packageId: number,
  input: { noticeIds?: number[]; servedOn: string; serviceWay: string; proofRef: string }
) {
  const pkg = await packageRow(access, packageId)
  if (!['delivering', 'delivered'].includes(pkg.status))
    throw new BatchError(409, '资产包尚未交割，没有债权转让通知')
  if (input.servedOn > (await businessDate.current()))
    throw new BatchError(422, '送达日期不能晚于当前营业日')
  const q = applyDataScope(
    db.from(NOTICES).where('package_id', packageId).whereNull('served_on'),
    access,
    { orgColumn: 'org_id' }
  )
  if (input.noticeIds?.length) q.whereIn('id', input.noticeIds)
  const n = await q.update({
    served_on: input.servedOn,
    service_way: input.serviceWay,
    proof_ref: input.proofRef,
    served_by: access.user.id,
  })
  return Number(Array.isArray(n) ? n[0] : n)
}
