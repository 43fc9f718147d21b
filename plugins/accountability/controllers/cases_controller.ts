import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import { LIKE, likeContains } from '#core/db/like'
import { errors } from '@vinejs/vine'
import { refuseUnknownFields } from '#core/validation/unknown_fields'
import {
  CASE_FIELDS,
  PERSON_FIELDS,
  caseListValidator,
  caseValidator,
  imageValidator,
} from '../validators/cases.js'
import { caseDetail, casePlain, imagesOf, registerCase, scopedCases } from '../services/cases.js'
import { fileImage } from '../services/images.js'

/*
| 责任认定: the cases in the caller's data scope (out of scope = 404), one with
| its loans, persons and images, a registration (submitted for approval at once)
| and its evidence images on the 影像平台. Every write is audited.
*/
const idOf = (ctx: HttpContext) => {
  const id = Number(ctx.params.id)
  return Number.isSafeInteger(id) && id > 0 ? id : 0
}

/** Unknown keys inside each person are refused too, named by their path (persons.0.bonus). */
function refuseUnknownPersonFields(persons: unknown) {
  if (!Array.isArray(persons)) return
  const unknown = persons.flatMap((p, i) =>
    p && typeof p === 'object' && !Array.isArray(p)
      ? Object.keys(p)
          .filter((k) => !(PERSON_FIELDS as readonly string[]).includes(k))
          .map((k) => `persons.${i}.${k}`)
      : []
  )
  if (unknown.length)
    throw new errors.E_VALIDATION_ERROR(
      unknown.map((field) => ({
        field,
        rule: 'unknown',
        message: `未知字段 / unknown field: ${field}`,
      }))
    )
}

const notFound = (ctx: HttpContext) => ctx.response.notFound({ message: ctx.i18n('http.notFound') })

export default class CasesController {
  async index(ctx: HttpContext) {
    const q = await ctx.request.validateUsing(caseListValidator)
    const query = scopedCases(await accessOf(ctx))
      .leftJoin('orgs as o', 'o.id', 'c.org_id')
      .leftJoin('users as u', 'u.id', 'c.created_by')
      .select('c.*', 'o.name as org_name', 'u.real_name as created_by_name')
    if (q.status) query.where('c.status', q.status)
    if (q.customerId) query.where('c.customer_id', q.customerId)
    if (q.keyword) {
      const like = likeContains(q.keyword)
      query.where((w) =>
        w.whereRaw(LIKE, ['c.customer_name', like]).orWhereRaw(LIKE, ['c.customer_no', like])
      )
    }
    const page = await query.orderBy('c.id', 'desc').paginate(q.page ?? 1, q.perPage ?? 20)
    return {
      data: page.all().map(casePlain),
      meta: { total: page.total, page: page.currentPage, perPage: page.perPage },
    }
  }

  async show(ctx: HttpContext) {
    const detail = await caseDetail(await accessOf(ctx), idOf(ctx))
    return detail ?? notFound(ctx)
  }

  async store(ctx: HttpContext) {
    refuseUnknownFields(ctx, CASE_FIELDS)
    refuseUnknownPersonFields(ctx.request.input('persons'))
    const input = await ctx.request.validateUsing(caseValidator)
    const { id, instanceId } = await registerCase(await accessOf(ctx), input)
    await audit.record(ctx, {
      action: 'accountability.case.create',
      entityType: 'accountability:case',
      entityId: id,
      after: { ...input, workflowInstanceId: instanceId },
    })
    return ctx.response.created({ id, workflowInstanceId: instanceId })
  }

  async images(ctx: HttpContext) {
    const access = await accessOf(ctx)
    const row = await scopedCases(access).where('c.id', idOf(ctx)).select('c.id').first()
    if (!row) return notFound(ctx)
    return { data: await imagesOf(Number(row.id)) }
  }

  /** Files an image on the 影像平台 for the case (any status: evidence may come late). */
  async upload(ctx: HttpContext) {
    refuseUnknownFields(ctx, ['title', 'fileName', 'content'])
    const input = await ctx.request.validateUsing(imageValidator)
    const access = await accessOf(ctx)
    const row = await scopedCases(access).where('c.id', idOf(ctx)).select('c.*').first()
    if (!row) return notFound(ctx)
    const filed = await fileImage(
      { id: Number(row.id), customerNo: row.customer_no },
      input,
      access.user.id
    )
    await audit.record(ctx, {
      action: 'accountability.image.upload',
      entityType: 'accountability:case',
      entityId: Number(row.id),
      after: { title: input.title, fileName: input.fileName, docNo: filed.docNo },
    })
    return ctx.response.created(filed)
  }
}
