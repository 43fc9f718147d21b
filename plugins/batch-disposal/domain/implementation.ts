/*
| 方案实施 of an approved package: 要约邀请函 and 竞买通知 registered (to which AMCs
| or investors, when); 竞价结果 — the bids of a round, and the winner: the
| highest bid at or above the reserve price, in a round with at least N
| bidders (rule min_bidders, for 招标/竞价/拍卖; a 协议 transfer has one buyer);
| the contract (and its 公告 number); the payment, which must equal the price.
| An offer or bid needs the due-diligence coverage (rule dd_coverage).
*/
import db from '@adonisjs/lucid/services/db'
import type { UserAccess } from '#core/identity/user_access'
import { Money } from '#core/money/money'
import { dbNow } from '#core/db/db_time'
import { businessDate } from '#core/business_day/business_date'
import { BIDS, OFFERS, PROJECTS, packageRow } from './store.js'
import { movePackage } from './packages.js'
import { coverageRefusal } from './due_diligence.js'
import { checkBidders, loadRules, ruleFor, ruleNumber } from './rules.js'
import { BatchError, isDuplicate } from './batch_error.js'

async function notLater(date: string, label: string) {
  if (date > (await businessDate.current())) throw new BatchError(422, `${label}不能晚于当前营业日`)
}

async function offerable(access: UserAccess, packageId: number) {
  const pkg = await packageRow(access, packageId, true)
  if (pkg.status !== 'approved')
    throw new BatchError(409, `资产包 ${pkg.package_no} 未批准或已成交，不能办理该操作`)
  const project = await db.from(PROJECTS).where('id', pkg.project_id).first()
  const refusal = await coverageRefusal(project.mode, Number(project.id), packageId)
  if (refusal) throw new BatchError(409, `资产包尚不能对外报价：${refusal}`)
  return { pkg, project }
}

export async function registerOffer(
  access: UserAccess,
  packageId: number,
  input: { kind: string; parties: string[]; sentOn: string; remark?: string | null }
) {
  await offerable(access, packageId)
  await notLater(input.sentOn, '发送日期')
  const parties = [...new Set(input.parties.map((p) => p.trim()).filter(Boolean))]
  await db.table(OFFERS).multiInsert(
    parties.map((party) => ({
      package_id: packageId,
      kind: input.kind,
      party,
      sent_on: input.sentOn,
      remark: input.remark ?? null,
      created_by: access.user.id,
      created_at: dbNow(),
    }))
  )
  return parties.length
}

export async function registerBids(
  access: UserAccess,
  packageId: number,
  input: { round: number; bidOn: string; bids: { bidder: string; amount: string }[] }
) {
  await offerable(access, packageId)
  await notLater(input.bidOn, '竞价日期')
  const names = input.bids.map((b) => b.bidder.trim())
  if (new Set(names).size !== names.length)
    throw new BatchError(422, '同一竞买人在一轮中只能出价一次')
  try {
    await db.table(BIDS).multiInsert(
      input.bids.map((b) => ({
        package_id: packageId,
        round: input.round,
        bidder: b.bidder.trim(),
        amount_fen: Money.fromYuan(b.amount).toFen(),
        bid_on: input.bidOn,
        created_by: access.user.id,
        created_at: dbNow(),
      }))
    )
  } catch (error) {
    if (isDuplicate(error)) throw new BatchError(409, `第 ${input.round} 轮已登记该竞买人的出价`)
    throw error
  }
}

/** 确定受让方: the round's highest bid, if the round is valid and the bid reaches the reserve. */
export async function award(access: UserAccess, packageId: number, round: number) {
  const { pkg, project } = await offerable(access, packageId)
  const bids = await db
    .from(BIDS)
    .where('package_id', packageId)
    .where('round', round)
    .select('*', db.raw('CAST(amount_fen AS CHAR) as amount_fen'))
  if (!bids.length) throw new BatchError(422, `第 ${round} 轮没有出价`)
  if (pkg.method !== 'agreement') {
    const minimum = ruleNumber(ruleFor(await loadRules(), 'min_bidders', project.mode))
    const refusal = checkBidders(bids.length, minimum)
    if (refusal) throw new BatchError(422, refusal)
  }
  const ranked = [...bids].sort((a, b) =>
    Money.fromFen(b.amount_fen).compare(Money.fromFen(a.amount_fen))
  )
  const best = ranked[0]
  if (ranked[1] && Money.fromFen(ranked[1].amount_fen).equals(Money.fromFen(best.amount_fen)))
    throw new BatchError(422, '最高出价并列，请组织下一轮竞价')
  if (Money.fromFen(best.amount_fen).compare(Money.fromFen(String(pkg.reserve_fen))) < 0)
    throw new BatchError(
      422,
      `最高出价 ${Money.fromFen(best.amount_fen).toYuan()} 低于转让底价 ${Money.fromFen(String(pkg.reserve_fen)).toYuan()}，流拍`
    )
  await db.transaction((trx) =>
    movePackage(trx, packageId, ['approved'], 'awarded', {
      winner_bid_id: best.id,
      buyer: best.bidder,
      price_fen: best.amount_fen,
    })
  )
  return { buyer: best.bidder, price: Money.fromFen(best.amount_fen).toYuan() }
}

export async function registerContract(
  access: UserAccess,
  packageId: number,
  input: { contractNo: string; contractDate: string; announcementNo: string }
) {
  await packageRow(access, packageId, true)
  await notLater(input.contractDate, '签约日期')
  await db.transaction((trx) =>
    movePackage(trx, packageId, ['awarded'], 'contracted', {
      contract_no: input.contractNo,
      contract_date: input.contractDate,
      announcement_no: input.announcementNo,
    })
  )
}

export async function registerPayment(
  access: UserAccess,
  packageId: number,
  input: { paidOn: string; amount: string }
) {
  const pkg = await packageRow(access, packageId, true)
  await notLater(input.paidOn, '收款日期')
  if (
    pkg.price_fen === null ||
    !Money.fromYuan(input.amount).equals(Money.fromFen(String(pkg.price_fen)))
  )
    throw new BatchError(
      422,
      `收款金额 ${input.amount} 与成交价 ${pkg.price_fen === null ? '—' : Money.fromFen(String(pkg.price_fen)).toYuan()} 不符`
    )
  await db.transaction((trx) =>
    movePackage(trx, packageId, ['contracted'], 'paid', { paid_on: input.paidOn })
  )
}

export async function offersOf(packageId: number) {
  return (await db.from(OFFERS).where('package_id', packageId).orderBy('id')).map((r: any) => ({
    id: Number(r.id),
    kind: r.kind,
    party: r.party,
    sentOn: String(r.sent_on instanceof Date ? r.sent_on.toISOString() : r.sent_on).slice(0, 10),
    remark: r.remark ?? null,
  }))
}

export async function bidsOf(packageId: number, winnerId: number | null) {
  const rows = await db
    .from(BIDS)
    .where('package_id', packageId)
    .orderBy([{ column: 'round' }, { column: 'amount_fen', order: 'desc' }])
    .select('*', db.raw('CAST(amount_fen AS CHAR) as amount_fen'))
  return rows.map((r: any) => ({
    id: Number(r.id),
    round: Number(r.round),
    bidder: r.bidder,
    amount: Money.fromFen(r.amount_fen).toYuan(),
    bidOn: String(r.bid_on instanceof Date ? r.bid_on.toISOString() : r.bid_on).slice(0, 10),
    winner: winnerId === Number(r.id),
  }))
}
