/*
| 交割: one idempotent bulk step. `startDelivery` moves a paid package to 交割中
| (a conditional update: a second call finds it moved and is refused, posting
| nothing), allocates the price over the loans (allocation.ts) and draws up
| the 债权转让通知 (民法典 §546) for every debtor and guarantor in two
| INSERT … SELECT statements. Then chunk by chunk (a chunk = the remaining
| loans of up to 500 debtors, in its own transaction; inline up to 参数
| batch-disposal.deliveryInlineMax loans, else the job batch-disposal:deliver
| with progress), set-based: the chunk's loans 已转让 in one
| bookWriter.changeLoanStatuses, their postings in one outbox.enqueueMany (key
| `batch-disposal:<package>:<loan>:<kind>`, unique in batch_disposal_postings
| too), a disposal outcome per debtor in one recordDisposalOutcomes (method
| batch_transfer), the loans marked delivered and their asset claims released.
| A chunk takes only undelivered loans, so a retried job never doubles anything.
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { queue } from '#core/queue/queue'
import { settings } from '#core/settings/settings'
import { dbNow } from '#core/db/db_time'
import { businessDate } from '#core/business_day/business_date'
import type { UserAccess } from '#core/identity/user_access'
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'
import { bookWriter } from '../../credit-assets/services/book_writer.js'
import { assetClaims } from '../../credit-assets/services/asset_claims.js'
import { ALLOCATIONS, DD, ITEMS, PACKAGES, PROJECTS, claimOwner, day, packageRow } from './store.js'
import { movePackage } from './packages.js'
import { allocatePrice } from './allocation.js'
import { enqueuePostings, recordOutcomes } from './delivery_books.js'
import { drawUpNotices } from './notices.js'
import { BatchError } from './batch_error.js'

export const DELIVER_JOB = 'batch-disposal:deliver'
export const INLINE_MAX = 'batch-disposal.deliveryInlineMax'
/* Debtors per transaction: a chunk's loans change status, post and record outcomes together. */
const DEBTORS_PER_CHUNK = 500

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

/** One chunk of 交割 in its own transaction: what it did, and whether the package is done. */
export function deliverChunk(packageId: number, debtorsPerChunk = DEBTORS_PER_CHUNK) {
  return db.transaction(async (trx) => {
    const pkg = await trx.from(PACKAGES).where('id', packageId).forUpdate().first()
    // A job retried after the last chunk committed finds the package delivered: nothing to do.
    if (pkg?.status === 'delivered') return { loans: 0, postings: 0, done: true }
    if (!pkg || pkg.status !== 'delivering') throw new BatchError(409, '资产包不在交割中')
    const handover = day(pkg.handover_date)!
    const debtors = await trx
      .from(ITEMS)
      .where('package_id', packageId)
      .whereNull('delivered_on')
      .distinct('customer_id')
      .orderBy('customer_id')
      .limit(debtorsPerChunk)
    const items = debtors.length ? await chunkItems(trx, packageId, debtors) : []
    const operatorId = Number(pkg.created_by)
    let postings = 0
    if (items.length) {
      const loanIds = items.map((i: any) => Number(i.loan_id))
      // Set-based: one status change for the chunk, its postings and outcomes in bulk.
      await bookWriter.changeLoanStatuses(trx, {
        loanIds,
        status: 'transferred',
        reason: `批量转让 ${pkg.package_no}`,
        businessDate: handover,
        operatorId,
      })
      postings = await enqueuePostings(trx, pkg, items)
      await recordOutcomes(trx, pkg, handover, items)
      await trx
        .from(ITEMS)
        .whereIn(
          'id',
          items.map((i: any) => i.id)
        )
        .update({ delivered_on: handover })
      // The loans left the book: the project no longer holds them.
      const project = await trx.from(PROJECTS).where('id', pkg.project_id).first()
      await assetClaims.release(trx, claimOwner(project), loanIds)
    }
    const left = await trx
      .from(ITEMS)
      .where('package_id', packageId)
      .whereNull('delivered_on')
      .first()
    if (!left) await finish(trx, pkg)
    return { loans: items.length, postings, done: !left }
  })
}

function chunkItems(trx: TransactionClientContract, packageId: number, debtors: any[]) {
  return trx
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
}

async function finish(trx: TransactionClientContract, pkg: any) {
  await trx
    .from(PACKAGES)
    .where('id', pkg.id)
    .update({ status: 'delivered', delivered_at: dbNow(), updated_at: dbNow() })
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
