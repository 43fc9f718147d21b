import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import { escapeLike } from '#core/db/like'
import { refuseUnknownFields } from '#core/validation/unknown_fields'
import { createReceipt, submitReceipt } from '../receipts/service.js'
import { updateReceipt } from '../receipts/edit.js'
import { receiptDetail, receiptPlain, receiptRow, scopedReceipts } from '../receipts/store.js'
import { loanCollaterals } from '../receipts/collateral.js'
import { batchApprove, batchSubmit } from '../receipts/batch.js'
import { archiveDocuments, uploadDocument } from '../receipts/documents.js'
import { ForeclosureError } from '../receipts/foreclosure_error.js'
import {
  collateralQueryValidator,
  documentValidator,
  idsValidator,
  listValidator,
  receiptValidator,
  withdrawValidator,
} from '../validators/foreclosure.js'
import { withdrawReceipt } from '../receipts/withdraw.js'

export const idParam = (value: unknown) => {
  const id = Number(value)
  if (!Number.isSafeInteger(id) || id <= 0) throw new ForeclosureError(404, '记录不存在或无权访问')
  return id
}

export const entity = (id: number) => ({ entityType: 'foreclosure:receipt', entityId: id })

const RECEIPT_FIELDS = [
  'loanIds',
  'way',
  'source',
  'collateralRef',
  'assetClass',
  'assetName',
  'location',
  'certificates',
  'rulingNo',
  'appraisedValue',
  'appraisedOn',
  'agreedValue',
  'taxesAndFees',
  'acquiredOn',
  'reasons',
]

/** 抵债资产收取: list (search by way and status), create, submit, batches, collateral, documents. */
export default class ReceiptsController {
  async index(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(listValidator)
    const query = scopedReceipts(await accessOf(ctx))
    if (input.keyword) {
      const text = escapeLike(input.keyword)
      query.where((q) =>
        q
          .whereRaw(`r.receipt_no LIKE ? ESCAPE '!'`, [`${text}%`])
          .orWhereRaw(`r.customer_name LIKE ? ESCAPE '!'`, [`%${text}%`])
          .orWhereRaw(`r.asset_name LIKE ? ESCAPE '!'`, [`%${text}%`])
      )
    }
    if (input.status) query.where('r.status', input.status)
    if (input.way) query.where('r.way', input.way)
    const page = input.page ?? 1
    const perPage = input.perPage ?? 20
    const [{ total }] = await query.clone().clearSelect().count('* as total')
    const rows = await query
      .orderBy('r.id', 'desc')
      .offset((page - 1) * perPage)
      .limit(perPage)
    return { data: rows.map(receiptPlain), meta: { total: Number(total), page, perPage } }
  }

  async show(ctx: HttpContext) {
    return receiptDetail(await accessOf(ctx), idParam(ctx.params.id))
  }

  async store(ctx: HttpContext) {
    refuseUnknownFields(ctx, RECEIPT_FIELDS)
    const input = await ctx.request.validateUsing(receiptValidator)
    const access = await accessOf(ctx)
    const id = await createReceipt(access, input)
    const detail = await receiptDetail(access, id)
    await audit.record(ctx, {
      action: 'foreclosure.receipt.create',
      ...entity(id),
      after: {
        ...input,
        bookValue: detail.bookValue,
        shortfall: detail.shortfall,
        collateralChecked: detail.collateralChecked,
      },
    })
    return ctx.response.created(detail)
  }

  /** 修改草稿: the maker saves a draft again (submitted: 409). */
  async update(ctx: HttpContext) {
    refuseUnknownFields(ctx, RECEIPT_FIELDS)
    const id = idParam(ctx.params.id)
    const input = await ctx.request.validateUsing(receiptValidator)
    const access = await accessOf(ctx)
    const before = await updateReceipt(access, id, input)
    const detail = await receiptDetail(access, id)
    await audit.record(ctx, {
      action: 'foreclosure.receipt.update',
      ...entity(id),
      before,
      after: {
        ...input,
        bookValue: detail.bookValue,
        shortfall: detail.shortfall,
        collateralChecked: detail.collateralChecked,
      },
    })
    return detail
  }

  async submit(ctx: HttpContext) {
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.id)
    await submitReceipt(access, id)
    await audit.record(ctx, { action: 'foreclosure.receipt.submit', ...entity(id) })
    return receiptDetail(access, id)
  }

  /** 撤回: the maker's draft, or a pending receipt no approver has decided yet. */
  async withdraw(ctx: HttpContext) {
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.id)
    refuseUnknownFields(ctx, ['comment'])
    const { comment } = await ctx.request.validateUsing(withdrawValidator)
    const from = await withdrawReceipt(access, id, comment ?? null)
    await audit.record(ctx, {
      action: 'foreclosure.receipt.withdraw',
      ...entity(id),
      before: { status: from },
      after: { status: 'withdrawn', comment: comment ?? null },
    })
    return receiptDetail(access, id)
  }

  /** 批量发起: submits many drafts; each answered on its own. */
  async batchSubmit(ctx: HttpContext) {
    refuseUnknownFields(ctx, ['ids'])
    const { ids } = await ctx.request.validateUsing(idsValidator)
    const results = await batchSubmit(ctx, await accessOf(ctx), ids)
    for (const r of results.filter((x) => x.ok))
      await audit.record(ctx, { action: 'foreclosure.receipt.submit', ...entity(r.id) })
    return { data: results }
  }

  /** 批量审批: the caller's open task on each receipt, approved with one comment. */
  async batchApprove(ctx: HttpContext) {
    refuseUnknownFields(ctx, ['ids', 'comment'])
    const { ids, comment } = await ctx.request.validateUsing(idsValidator)
    const results = await batchApprove(ctx, await accessOf(ctx), ids, comment ?? null)
    for (const r of results.filter((x) => x.ok))
      await audit.record(ctx, {
        action: 'foreclosure.receipt.approve',
        ...entity(r.id),
        after: { comment: comment ?? null, batch: true },
      })
    return { data: results }
  }

  /** The loans' collateral from 押品管理 (`available: false` when it does not answer). */
  async collaterals(ctx: HttpContext) {
    const { loanIds } = await ctx.request.validateUsing(collateralQueryValidator)
    return loanCollaterals(await accessOf(ctx), loanIds.split(',').map(Number))
  }

  async storeDocument(ctx: HttpContext) {
    refuseUnknownFields(ctx, ['docKind', 'title', 'fileName', 'content'])
    const input = await ctx.request.validateUsing(documentValidator)
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.id)
    const receipt = await receiptRow(access, id)
    const doc = await uploadDocument(receipt, input, access.user.id)
    await audit.record(ctx, {
      action: 'foreclosure.document.upload',
      ...entity(id),
      after: { docKind: input.docKind, title: input.title, docNo: doc.docNo },
    })
    return ctx.response.created(doc)
  }

  /** The debtor's documents on 电子档案 (null: the platform does not answer). */
  async archive(ctx: HttpContext) {
    const receipt = await receiptRow(await accessOf(ctx), idParam(ctx.params.id))
    return { data: await archiveDocuments(receipt) }
  }
}
