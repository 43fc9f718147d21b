/*
| Who is acting: their access (permissions, data scope) and, over HTTP, the
| request the audit log reads who/where from. Services take an Actor so tests
| and jobs can call them without a request.
*/
import type { HttpContext } from '@adonisjs/core/http'
import { accessOf, type UserAccess } from '#core/identity/user_access'

export interface Actor {
  access: UserAccess
  ctx: HttpContext | null
}

export async function actorOf(ctx: HttpContext): Promise<Actor> {
  return { access: await accessOf(ctx), ctx }
}
