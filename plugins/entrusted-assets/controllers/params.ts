import type { HttpContext } from '@adonisjs/core/http'

export const idOf = (ctx: HttpContext) => Number(ctx.params.id)
