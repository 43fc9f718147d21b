import type { HttpContext } from '@adonisjs/core/http'
import { readFile } from 'node:fs/promises'
import { accessOf } from '#core/identity/user_access'
import { receiveUpload } from '#core/security/upload_check'
import { addByFilter, listItems, poolSummary, removeItems } from '../domain/pool.js'
import { importList, importTemplate } from '../domain/pool_import.js'
import { ddOf, ddProgress, registerDd, type DdInput } from '../domain/due_diligence.js'
import type { PoolFilter } from '../domain/pool_sql.js'
import { itemPlain, projectRow, scopedItems } from '../domain/store.js'
import { BatchError } from '../domain/batch_error.js'
import {
  ddValidator,
  filterValidator,
  itemIdsValidator,
  itemListValidator,
} from '../validators/batch.js'
import { idParam, record, strictBody } from './helpers.js'

/** 组建资产池 and 尽职调查. */
export default class PoolController {
  async items(ctx: HttpContext) {
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.id)
    await projectRow(access, id)
    const input = await ctx.request.validateUsing(itemListValidator)
    const { rows, total, page, perPage } = await listItems(access, id, input)
    return { data: rows.map(itemPlain), meta: { total, page, perPage } }
  }

  async summary(ctx: HttpContext) {
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.id)
    await projectRow(access, id)
    const packageId = ctx.request.input('packageId')
      ? idParam(ctx.request.input('packageId'))
      : undefined
    return poolSummary(access, id, packageId)
  }

  async filter(ctx: HttpContext) {
    const input = await strictBody<PoolFilter>(ctx, filterValidator, [
      'orgId',
      'fiveClasses',
      'customerTypes',
      'regions',
      'overdueMin',
      'overdueMax',
      'balanceMin',
      'balanceMax',
      'savedQueryId',
      'query',
    ])
    const id = idParam(ctx.params.id)
    const result = await addByFilter(await accessOf(ctx), id, input)
    await record(ctx, 'pool.filter', 'project', id, { filter: input, ...result })
    return result
  }

  async template(ctx: HttpContext) {
    return ctx.response
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header(
        'content-disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent('资产池导入模板')}.xlsx`
      )
      .send(await importTemplate())
  }

  async import(ctx: HttpContext) {
    const id = idParam(ctx.params.id)
    const access = await accessOf(ctx)
    await projectRow(access, id, true)
    const upload = await receiveUpload(ctx, {
      required: true,
      extensions: ['xlsx'],
      // The list is read and dropped, never stored: importList refuses what is no workbook.
      sniff: false,
    })
    if (!upload.ok && (upload.missing || !upload.file?.tmpPath))
      return ctx.response.status(422).send({
        message: '请上传 xlsx 名单',
        errors: [{ field: 'file', rule: 'required', message: '请上传 xlsx 名单' }],
      })
    if (!upload.ok)
      return ctx.response.status(422).send({
        message: '文件须为不超过上传限制的 xlsx',
        errors: [{ field: 'file', rule: 'file', message: '文件须为不超过上传限制的 xlsx' }],
      })
    const { file } = upload
    // tmpPath is there: the policy refuses a file that was never written.
    const result = await importList(access, id, await readFile(file.tmpPath!))
    await record(ctx, 'pool.import', 'project', id, { file: file.clientName, ...result })
    return result
  }

  async remove(ctx: HttpContext) {
    const { itemIds } = await strictBody<{ itemIds: number[] }>(ctx, itemIdsValidator, ['itemIds'])
    const id = idParam(ctx.params.id)
    const removed = await removeItems(await accessOf(ctx), id, itemIds)
    await record(ctx, 'pool.remove', 'project', id, { itemIds, removed })
    return { removed }
  }

  async dd(ctx: HttpContext) {
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.id)
    const itemId = idParam(ctx.params.itemId)
    const item = await scopedItems(access, id).where('i.id', itemId).select('i.*').first()
    if (!item) throw new BatchError(404, '资产不存在或无权访问')
    return { item: itemPlain(item), dueDiligence: await ddOf(itemId) }
  }

  async registerDd(ctx: HttpContext) {
    const input = await strictBody<DdInput>(ctx, ddValidator, [
      'collateralStatus',
      'debtorStatus',
      'litigation',
      'recoverableValue',
      'valuationMethod',
      'remark',
      'attachments',
      'investigatedOn',
    ])
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.id)
    const itemId = idParam(ctx.params.itemId)
    const { before } = await registerDd(access, id, itemId, input)
    await record(ctx, 'dd.register', 'project', id, { itemId, ...input }, before ?? undefined)
    return { dueDiligence: await ddOf(itemId) }
  }

  async progress(ctx: HttpContext) {
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.id)
    await projectRow(access, id)
    return ddProgress(access, id)
  }
}
