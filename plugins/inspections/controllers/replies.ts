/* Small answers the controllers share (an InspectionError is answered by the exception handler). */
import type { HttpContext } from '@adonisjs/core/http'

export const notFound = (ctx: HttpContext) =>
  ctx.response.notFound({ message: ctx.i18n('http.notFound') })

export const meta = (page: any) => ({
  total: page.total,
  page: page.currentPage,
  perPage: page.perPage,
})
