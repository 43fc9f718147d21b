/*
| When an account locks itself from all addresses (a likely attack, or a user
| who needs help), the security administrators of its org and of the head office
| (holders of 安全日志) get a 站内信, and the lock is a 安全日志 row.
*/
import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type User from '#core/identity/user'
import { translate } from '#core/i18n/messages'
import { notify } from '#core/messages/notify'
import { permissionHolders } from '#core/deadlines/deadline_recipients'
import { securityLog } from './security_log.js'

export const LOCKOUT_MESSAGE = 'security.lockout'
const HOLDS = 'system:audit:security-log'

export async function reportLock(
  ctx: HttpContext,
  username: string,
  lock: 'pair' | 'user',
  lockedUntil: string,
  user?: User
) {
  await securityLog.event(ctx, 'security.account_locked', {
    actorUsername: username,
    entityType: 'user',
    entityId: user?.id ?? null,
    detail: `${lock === 'user' ? 'account' : 'account+ip'} until ${lockedUntil}`,
  })
  if (lock !== 'user' || !user) return
  const roots = await db.from('orgs').whereNull('parent_id').select('id')
  const orgIds = [...new Set([user.orgId, ...roots.map((r) => Number(r.id))])]
  const recipients = (await Promise.all(orgIds.map((id) => permissionHolders(id, HOLDS)))).flat()
  const until = DateTime.fromISO(lockedUntil).setZone('Asia/Shanghai').toFormat('yyyy-MM-dd HH:mm')
  const data = { username, until, ip: ctx.request.ip() }
  await notify({
    type: LOCKOUT_MESSAGE,
    userIds: recipients,
    title: translate('zh-CN', 'security.lockNoticeTitle', data),
    body: translate('zh-CN', 'security.lockNoticeBody', data),
    link: '/system/security-logs',
    data,
  })
}
