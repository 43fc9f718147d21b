import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { Decimal } from 'decimal.js'
import { accessOf, type UserAccess } from '#core/identity/user_access'
import { Money } from '#core/money/money'
import { applyDataScope } from '#core/identity/data_scope'
import {
  createPackage,
  deletePackage,
  packageFigures,
  packageRefusals,
  submitPackage,
  type PackageInput,
} from '../domain/packages.js'
import {
  award,
  bidsOf,
  offersOf,
  registerBids,
  registerContract,
  registerOffer,
  registerPayment,
} from '../domain/implementation.js'
import { deliveryOf, startDelivery } from '../domain/delivery.js'
import { serveNotices } from '../domain/notices.js'
import { feesOf, feeTotals, recordFee } from '../domain/fees.js'
import { postingsOf, retryPosting } from '../domain/postings.js'
import {
  NOTICES,
  PACKAGES,
  day,
  packagePlain,
  packageRow,
  ownsProject,
  projectRow,
  yuan,
} from '../domain/store.js'
import { poolSummary } from '../domain/pool.js'
import { BatchError } from '../domain/batch_error.js'
import * as v from '../validators/batch.js'
import { idParam, record, strictBody } from './helpers.js'

/** A package's figures over the loans the caller may see (fen text, like packageFigures). */
async function scopedFigures(access: UserAccess, projectId: number, packageId: number) {
  const s = await poolSummary(access, projectId, packageId)
  const fen = (yuanText: string) => Money.fromYuan(yuanText).toFen()
  return {
    loans: s.loans,
    households: s.households,
    principalFen: fen(s.principal),
    bookFen: fen(s.principal),
    offFen: '0',
  }
}

/** 收回率: valuation / principal, in percent to two places. */
const recoveryRate = (valuationFen: string, principalFen: string) =>
  new Decimal(principalFen).isZero()
    ? null
    : new Decimal(valuationFen).times(100).dividedBy(principalFen).toDecimalPlaces(2).toString()

/** 处置方案 (资产包), 方案实施, 交割, 通知, 费用, 账务处理. */
export default class PackagesController {
  async index(ctx: HttpContext) {
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.id)
    await projectRow(access, id)
    const rows = await db
      .from(PACKAGES)
      .where('project_id', id)
      .orderBy('id')
      .select(
        '*',
        ...['valuation_fen', 'reserve_fen', 'price_fen'].map((c) =>
          db.raw(`CAST(${c} AS CHAR) as ${c}`)
        )
      )
    const own = await ownsProject(access, id)
    const data = []
    for (const r of rows) {
      const f = own
        ? await packageFigures(db, Number(r.id))
        : await scopedFigures(access, id, Number(r.id))
      data.push({
        ...packagePlain(r),
        loans: f.loans,
        households: f.households,
        principal: yuan(f.principalFen),
      })
    }
    return { data }
  }

  async show(ctx: HttpContext) {
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.packageId)
    const pkg = await packageRow(access, id)
    const projectId = Number(pkg.project_id)
    // A branch following its loans in a head-office package sees its own figures only.
    const f = (await ownsProject(access, projectId))
      ? await packageFigures(db, id)
      : await scopedFigures(access, projectId, id)
    return {
      ...packagePlain(pkg),
      loans: f.loans,
      households: f.households,
      principal: yuan(f.principalFen),
      bookValue: yuan(f.bookFen),
      recoveryRate: recoveryRate(String(pkg.valuation_fen), f.principalFen),
      summary: await poolSummary(access, Number(pkg.project_id), id),
      refusals: ['draft', 'returned'].includes(pkg.status) ? await packageRefusals(id) : [],
      offers: await offersOf(id),
      bids: await bidsOf(id, pkg.winner_bid_id ? Number(pkg.winner_bid_id) : null),
      delivery: await deliveryOf(id),
      fees: await feeTotals(id),
    }
  }

  async store(ctx: HttpContext) {
    const input = await strictBody<PackageInput>(ctx, v.packageValidator, [
      'name',
      'itemIds',
      'allUnpacked',
      'valuation',
      'reservePrice',
      'method',
      'allocation',
      'tranches',
      'servicingFeeRate',
      'registrationRef',
    ])
    const access = await accessOf(ctx)
    const projectId = idParam(ctx.params.id)
    const id = await createPackage(access, projectId, input)
    await record(ctx, 'package.create', 'package', id, { projectId, ...input })
    return ctx.response.created(packagePlain(await packageRow(access, id)))
  }

  async destroy(ctx: HttpContext) {
    const id = idParam(ctx.params.packageId)
    await deletePackage(await accessOf(ctx), id)
    await record(ctx, 'package.delete', 'package', id)
    return ctx.response.noContent()
  }

  async submit(ctx: HttpContext) {
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.packageId)
    await submitPackage(access, id)
    await record(ctx, 'package.submit', 'package', id)
    return packagePlain(await packageRow(access, id))
  }

  async offer(ctx: HttpContext) {
    const input = await strictBody<any>(ctx, v.offerValidator, [
      'kind',
      'parties',
      'sentOn',
      'remark',
    ])
    const id = idParam(ctx.params.packageId)
    const n = await registerOffer(await accessOf(ctx), id, input)
    await record(ctx, 'package.offer', 'package', id, input)
    return ctx.response.created({ registered: n, offers: await offersOf(id) })
  }

  async bids(ctx: HttpContext) {
    const input = await strictBody<any>(ctx, v.bidsValidator, ['round', 'bidOn', 'bids'])
    const id = idParam(ctx.params.packageId)
    await registerBids(await accessOf(ctx), id, input)
    await record(ctx, 'package.bids', 'package', id, input)
    return ctx.response.created({ bids: await bidsOf(id, null) })
  }

  async award(ctx: HttpContext) {
    const { round } = await strictBody<{ round: number }>(ctx, v.awardValidator, ['round'])
    const id = idParam(ctx.params.packageId)
    const result = await award(await accessOf(ctx), id, round)
    await record(ctx, 'package.award', 'package', id, { round, ...result })
    return result
  }

  async contract(ctx: HttpContext) {
    const input = await strictBody<any>(ctx, v.contractValidator, [
      'contractNo',
      'contractDate',
      'announcementNo',
    ])
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.packageId)
    await registerContract(access, id, input)
    await record(ctx, 'package.contract', 'package', id, input)
    return packagePlain(await packageRow(access, id))
  }

  async payment(ctx: HttpContext) {
    const input = await strictBody<any>(ctx, v.paymentValidator, ['paidOn', 'amount'])
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.packageId)
    await registerPayment(access, id, input)
    await record(ctx, 'package.payment', 'package', id, input)
    return packagePlain(await packageRow(access, id))
  }

  async delivery(ctx: HttpContext) {
    const input = await strictBody<{ handoverDate: string }>(ctx, v.deliveryValidator, [
      'handoverDate',
    ])
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.packageId)
    const { jobId } = await startDelivery(access, id, input)
    await record(ctx, 'package.delivery', 'package', id, { ...input, jobId })
    return { ...packagePlain(await packageRow(access, id)), jobId, delivery: await deliveryOf(id) }
  }

  async notices(ctx: HttpContext) {
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.packageId)
    await packageRow(access, id)
    const page = Math.max(1, Number(ctx.request.input('page', 1)) || 1)
    const q = applyDataScope(db.from(NOTICES).where('package_id', id), access, {
      orgColumn: 'org_id',
    })
    const [{ total }] = await q.clone().count('* as total')
    const [{ unserved }] = await q.clone().whereNull('served_on').count('* as unserved')
    const rows = await q
      .orderBy('id')
      .offset((page - 1) * 50)
      .limit(50)
    return {
      data: rows.map((r: any) => ({
        id: Number(r.id),
        partyKind: r.party_kind,
        partyName: r.party_name,
        servedOn: day(r.served_on),
        serviceWay: r.service_way ?? null,
        proofRef: r.proof_ref ?? null,
      })),
      meta: { total: Number(total), page, perPage: 50, unserved: Number(unserved) },
    }
  }

  async serve(ctx: HttpContext) {
    const input = await strictBody<any>(ctx, v.serveValidator, [
      'noticeIds',
      'servedOn',
      'serviceWay',
      'proofRef',
    ])
    const id = idParam(ctx.params.packageId)
    const served = await serveNotices(await accessOf(ctx), id, input)
    await record(ctx, 'notice.serve', 'package', id, { ...input, served })
    return { served }
  }

  async fees(ctx: HttpContext) {
    return { data: await feesOf(await accessOf(ctx), idParam(ctx.params.packageId)) }
  }

  async storeFee(ctx: HttpContext) {
    const input = await strictBody<any>(ctx, v.feeValidator, [
      'feeKind',
      'payee',
      'amount',
      'expenseDate',
      'recoverable',
    ])
    const id = idParam(ctx.params.packageId)
    const expense = await recordFee(await accessOf(ctx), id, input, ctx)
    await record(ctx, 'fee.create', 'package', id, input)
    return ctx.response.created(expense)
  }

  async postings(ctx: HttpContext) {
    const id = idParam(ctx.params.packageId)
    // Every loan's posting of the package: the organiser's (a branch reads its loans in the ledger).
    await packageRow(await accessOf(ctx), id, true)
    return postingsOf(id, await ctx.request.validateUsing(v.postingListValidator))
  }

  async retry(ctx: HttpContext) {
    const id = idParam(ctx.params.packageId)
    await packageRow(await accessOf(ctx), id, true)
    const postingId = idParam(ctx.params.postingId)
    const done = await retryPosting(id, postingId)
    if (done === null) throw new BatchError(404, '记账记录不存在')
    if (!done) throw new BatchError(409, '只有被核心拒绝的记账可以重发')
    await record(ctx, 'posting.retry', 'package', id, { postingId })
    return { retried: true }
  }
}
