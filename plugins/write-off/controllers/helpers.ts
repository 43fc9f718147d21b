import type { HttpContext } from '@adonisjs/core/http'
import { WriteOffError } from '../plans/write_off_error.js'

/** A positive integer route parameter, else 404 (never reaches SQL as text). */
export function idParam(value: unknown) {
  const id = Number(value)
  if (!Number.isSafeInteger(id) || id <= 0) throw new WriteOffError(404, '记录不存在或无权访问')
  return id
}

/** Refuses body fields the route does not take (422), instead of silently dropping them. */
export { refuseUnknownFields } from '#core/validation/unknown_fields'

export const pdfResponse = (ctx: HttpContext, pdf: Buffer, name: string) =>
  ctx.response
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(name)}.pdf`)
    .header('cache-control', 'no-store')
    .send(pdf)
