/* InspectionError → 404, or 422 with one field message; anything else is rethrown. */
import type { HttpContext } from '@adonisjs/core/http'
import { InspectionError } from '../services/scope.js'
import { fieldError } from '../validators/inspections.js'

export function answer(ctx: HttpContext, error: unknown) {
  if (!(error instanceof InspectionError)) throw error
  if (error.status === 404) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
  fieldError(ctx, error.field, error.zh, error.en)
}

export const notFound = (ctx: HttpContext) =>
  ctx.response.notFound({ message: ctx.i18n('http.notFound') })

export const meta = (page: any) => ({
  total: page.total,
  page: page.currentPage,
  perPage: page.perPage,
})
