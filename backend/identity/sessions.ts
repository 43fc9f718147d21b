/*
| Sessions are rows of auth_access_tokens: one per sign-in, checked on every
| request by every app node, so deleting a row ends that session everywhere at
| once — with `sessionsChanged`, as app nodes hold the rows (session_cache.ts).
*/
import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import User from '#core/identity/user'
import { settings } from '#core/settings/settings'
import { sessionsChanged } from './session_cache.js'

/** Browsers cannot read a MAC address; the bank's credit portal may pass one in a header. */
async function clientMac(ctx: HttpContext): Promise<string | null> {
  const header = await settings.string('system.session.clientMacHeader')
  const value = header ? ctx.request.header(header) : undefined
  return value && /^[0-9A-Fa-f]{2}([-:]?[0-9A-Fa-f]{2}){5}$/.test(value)
    ? value.toUpperCase()
    : null
}

export async function openSession(ctx: HttpContext, user: User, abilities: string[]) {
  const token = await User.accessTokens.create(user, abilities, { name: 'console' })
  await db
    .from('auth_access_tokens')
    .where('id', String(token.identifier))
    .update({
      ip_address: ctx.request.ip(),
      user_agent: (ctx.request.header('user-agent') ?? '').slice(0, 500),
      client_mac: await clientMac(ctx),
    })
  return token.value!.release()
}

export async function closeAllSessions(userId: number) {
  await db.from('auth_access_tokens').where('tokenable_id', userId).delete()
  await sessionsChanged()
}
