import type { HttpContext } from '@adonisjs/core/http'
import { audit } from '#core/audit/audit'
import { refuseUnknownFields } from '#core/validation/unknown_fields'
import { BatchError } from '../domain/batch_error.js'

export const idParam = (value: unknown) => {
  const id = Number(value)
  if (!Number.isSafeInteger(id) || id <= 0) throw new BatchError(404, '记录不存在或无权访问')
  return id
}

/** The body, its keys checked (unknown fields are a 422), validated. */
export async function strictBody<T>(ctx: HttpContext, validator: any, keys: string[]): Promise<T> {
  refuseUnknownFields(ctx, keys)
  return ctx.request.validateUsing(validator) as Promise<T>
}

export const record = (
  ctx: HttpContext,
  action: string,
  entity: 'project' | 'package',
  id: number,
  after?: unknown,
  before?: unknown
) =>
  audit.record(ctx, {
    action: `batch-disposal.${action}`,
    entityType: `batch-disposal:${entity}`,
    entityId: id,
    ...(after !== undefined ? { after: after as any } : {}),
    ...(before !== undefined ? { before: before as any } : {}),
  })
