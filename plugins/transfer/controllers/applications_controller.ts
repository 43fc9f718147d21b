import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { accessOf } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import { renderPdf } from '#core/documents/pdf'
import { escapeLike } from '#core/db/like'
import { businessDate } from '#core/business_day/business_date'
import { listFor } from '../../expenses/services/expenses_api.js'
import { createApplication, submitApplication } from '../transfers/service.js'
import {
  appDetail,
  appPlain,
  appRow,
  loanPlain,
  loanRows,
  NOTICES,
  scopedApps,
} from '../transfers/store.js'
import {
  completeTransfer,
  postingsOf,
  recordFee,
  retryPosting,
  serveNotice,
} from '../transfers/completion.js'
import { TRANSFER_METHODS } from '../transfers/dictionaries.js'
import { TransferError } from '../transfers/transfer_error.js'
import {
  applicationValidator,
  feeValidator,
  listValidator,
  resultValidator,
  serveValidator,
} from '../validators/transfer.js'
import { refuseUnknownFields } from '#core/validation/unknown_fields'

const idParam = (value: unknown) => {
  const id = Number(value)
  if (!Number.isSafeInteger(id) || id <= 0) throw new TransferError(404, '记录不存在或无权访问')
  return id
}

const entity = (id: number) => ({ entityType: 'transfer:application', entityId: id })

/** 债权转让申请, 通知送达, 费用, 账务处理, 结果登记. */
export default class ApplicationsController {
  async index(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(listValidator)
    const query = scopedApps(await accessOf(ctx))
    if (input.keyword) {
      const text = escapeLike(input.keyword)
      query.where((q) =>
        q
          .whereRaw(`a.app_no LIKE ? ESCAPE '!'`, [`${text}%`])
          .orWhereRaw(`a.customer_name LIKE ? ESCAPE '!'`, [`%${text}%`])
          .orWhereRaw(`a.transferee LIKE ? ESCAPE '!'`, [`%${text}%`])
      )
    }
    if (input.status) query.where('a.status', input.status)
    const page = input.page ?? 1
    const perPage = input.perPage ?? 20
    const [{ total }] = await query.clone().clearSelect().count('* as total')
    const rows = await query
      .orderBy('a.id', 'desc')
      .offset((page - 1) * perPage)
      .limit(perPage)
    return { data: rows.map(appPlain), meta: { total: Number(total), page, perPage } }
  }

  async show(ctx: HttpContext) {
    return appDetail(await accessOf(ctx), idParam(ctx.params.id))
  }

  async store(ctx: HttpContext) {
    refuseUnknownFields(ctx, [
      'loanIds',
      'transferee',
      'transfereeIdNo',
      'method',
      'valuation',
      'reservePrice',
      'price',
      'reasons',
    ])
    const input = await ctx.request.validateUsing(applicationValidator)
    const access = await accessOf(ctx)
    const id = await createApplication(access, input)
    await audit.record(ctx, {
      action: 'transfer.application.create',
      ...entity(id),
      after: { loanIds: input.loanIds, transferee: input.transferee, price: input.price },
    })
    return ctx.response.created(await appDetail(access, id))
  }

  async submit(ctx: HttpContext) {
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.id)
    await submitApplication(access, id)
    await audit.record(ctx, { action: 'transfer.application.submit', ...entity(id) })
    return appDetail(access, id)
  }

  /** 债权转让通知书 (PDF) for one party. */
  async notice(ctx: HttpContext) {
    const id = idParam(ctx.params.id)
    const app = appPlain(await appRow(await accessOf(ctx), id))
    const notice = await db
      .from(NOTICES)
      .where('app_id', id)
      .where('id', idParam(ctx.params.noticeId))
      .first()
    if (!notice) throw new TransferError(404, '通知不存在')
    const pdf = await renderPdf({
      plugin: 'transfer',
      template: 'notice',
      data: {
        noticeNo: notice.notice_no,
        partyName: notice.party_name,
        partyRole: notice.party_kind === 'debtor' ? '债务人' : '保证人',
        guarantor: notice.party_kind === 'guarantor',
        customerName: app.customerName,
        transferee: app.transferee,
        methodLabel: TRANSFER_METHODS.find((m) => m[0] === app.method)?.[1] ?? app.method,
        appNo: app.appNo,
        loans: (await loanRows(id)).map(loanPlain),
        date: await businessDate.current(),
      },
      options: { footer: `债权转让通知书 ${notice.notice_no}` },
    })
    await audit.record(ctx, {
      action: 'transfer.notice.print',
      ...entity(id),
      after: { noticeId: notice.id },
    })
    return ctx.response
      .header('content-type', 'application/pdf')
      .header(
        'content-disposition',
        `inline; filename*=UTF-8''${encodeURIComponent(`债权转让通知书-${notice.notice_no}`)}.pdf`
      )
      .header('cache-control', 'no-store')
      .send(pdf)
  }

  async serve(ctx: HttpContext) {
    refuseUnknownFields(ctx, ['servedOn', 'serviceWay', 'proofRef'])
    const input = await ctx.request.validateUsing(serveValidator)
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.id)
    const noticeId = idParam(ctx.params.noticeId)
    await serveNotice(access, id, noticeId, input)
    await audit.record(ctx, {
      action: 'transfer.notice.serve',
      ...entity(id),
      after: { noticeId, ...input },
    })
    return appDetail(access, id)
  }

  async fees(ctx: HttpContext) {
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.id)
    await appRow(access, id)
    return { data: await listFor({ plugin: 'transfer', kind: 'application', id }, access) }
  }

  async storeFee(ctx: HttpContext) {
    refuseUnknownFields(ctx, ['feeKind', 'payee', 'amount', 'expenseDate', 'recoverable'])
    const input = await ctx.request.validateUsing(feeValidator)
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.id)
    const expense = await recordFee(access, id, input, ctx)
    await audit.record(ctx, { action: 'transfer.fee.create', ...entity(id), after: input })
    return ctx.response.created(expense)
  }

  async result(ctx: HttpContext) {
    refuseUnknownFields(ctx, ['contractNo', 'paidOn', 'paidAmount', 'transferDate'])
    const input = await ctx.request.validateUsing(resultValidator)
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.id)
    await completeTransfer(access, id, input)
    await audit.record(ctx, {
      action: 'transfer.application.complete',
      ...entity(id),
      after: input,
    })
    return appDetail(access, id)
  }

  async postings(ctx: HttpContext) {
    const id = idParam(ctx.params.id)
    await appRow(await accessOf(ctx), id)
    return { data: await postingsOf(id) }
  }

  async retry(ctx: HttpContext) {
    const id = idParam(ctx.params.id)
    await appRow(await accessOf(ctx), id)
    const postingId = idParam(ctx.params.postingId)
    const done = await retryPosting(id, postingId)
    if (done === null) throw new TransferError(404, '记账记录不存在')
    if (!done) throw new TransferError(409, '只有被核心拒绝的记账可以重发')
    await audit.record(ctx, {
      action: 'transfer.posting.retry',
      entityType: 'transfer:posting',
      entityId: postingId,
    })
    return { data: await postingsOf(id) }
  }
}
