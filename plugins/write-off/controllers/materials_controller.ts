import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { createHash } from 'node:crypto'
import { accessOf } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import { dbNow } from '#core/db/db_time'
import { bankSystems } from '../../bank-systems/adapters/index.js'
import { bookApi } from '../../credit-assets/services/book_api.js'
import { ITEMS, planRow } from '../plans/plan_store.js'
import { WriteOffError } from '../plans/write_off_error.js'
import { materialLinkValidator, materialValidator } from '../validators/write_off.js'
import { idParam, refuseUnknownFields } from './helpers.js'

const MATERIALS = 'write_off_materials'
/** Materials can be added while the plan is still before its 批复. */
const OPEN = ['draft', 'pending', 'returned', 'committee', 'approved']

/** 上会材料上传及借据关联: files on the 影像平台, each optionally tied to one of the plan's loans. */
export default class MaterialsController {
  private async openPlan(ctx: HttpContext) {
    const plan = await planRow(await accessOf(ctx), idParam(ctx.params.id))
    if (!OPEN.includes(plan.status))
      throw new WriteOffError(409, '核销方案已办结，不能再上传上会材料')
    return plan
  }

  private async assertItem(planId: number, itemId: number | null | undefined) {
    if (!itemId) return
    const item = await db.from(ITEMS).where('id', itemId).where('plan_id', planId).first()
    if (!item) throw new WriteOffError(422, '关联的借据不在该核销方案中')
  }

  async store(ctx: HttpContext) {
    refuseUnknownFields(ctx, ['itemId', 'title', 'fileName', 'content'])
    const input = await ctx.request.validateUsing(materialValidator)
    const plan = await this.openPlan(ctx)
    await this.assertItem(plan.id, input.itemId)
    const first = await db.from(ITEMS).where('plan_id', plan.id).orderBy('id').first()
    const customer = first ? await bookApi.customers.byId(Number(first.customer_id)) : null
    const key = createHash('sha256')
      .update(`${plan.id}:${input.title}:${input.content}`)
      .digest('hex')
    const filed = await bankSystems.imaging.upload({
      customerNo: customer?.customerNo ?? plan.plan_no,
      title: input.title,
      kind: 'write-off:committee-material',
      fileName: input.fileName,
      content: input.content,
      key: `write-off-material:${key.slice(0, 64)}`,
    })
    const [id] = await db.table(MATERIALS).insert({
      plan_id: plan.id,
      item_id: input.itemId ?? null,
      stage: 'committee',
      title: input.title,
      doc_no: filed.docNo,
      url: filed.url.slice(0, 500),
      uploaded_by: ctx.auth.getUserOrFail().id,
      created_at: dbNow(),
    })
    await audit.record(ctx, {
      action: 'write-off.material.upload',
      entityType: 'write-off:plan',
      entityId: plan.id,
      after: { title: input.title, docNo: filed.docNo, itemId: input.itemId ?? null },
    })
    return ctx.response.created({ id: Number(id), docNo: filed.docNo, url: filed.url })
  }

  /** 借据关联: ties a material to one of the plan's loans (or unties it with null). */
  async link(ctx: HttpContext) {
    refuseUnknownFields(ctx, ['itemId'])
    const { itemId } = await ctx.request.validateUsing(materialLinkValidator)
    const plan = await this.openPlan(ctx)
    await this.assertItem(plan.id, itemId)
    const materialId = idParam(ctx.params.materialId)
    const before = await db
      .from(MATERIALS)
      .where('id', materialId)
      .where('plan_id', plan.id)
      .first()
    if (!before) throw new WriteOffError(404, '上会材料不存在')
    await db.from(MATERIALS).where('id', materialId).update({ item_id: itemId })
    await audit.record(ctx, {
      action: 'write-off.material.link',
      entityType: 'write-off:material',
      entityId: materialId,
      before: { itemId: before.item_id },
      after: { itemId },
    })
    return { id: materialId, itemId }
  }
}
