import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import db from '@adonisjs/lucid/services/db'
import { accessOf } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import { assertOrgInScope, rosterOf, saveRoster } from '../meetings/roster.js'
import { refuseUnknown } from '../validators/strict.js'
import { idParam } from './params.js'

const id = () => vine.number().withoutDecimals().positive()
const rosterValidator = vine.compile(
  vine.object({
    chairId: id().nullable(),
    secretaryId: id().nullable(),
    memberIds: vine.array(id()).maxLength(50).distinct(),
  })
)

/** 委员名单 per organising org: read by whoever prepares meetings, changed with the rules' permission. */
export default class RosterController {
  async show(ctx: HttpContext) {
    const orgId = idParam(ctx.params.orgId)
    await assertOrgInScope(await accessOf(ctx), orgId, 'committee:meeting:manage')
    return rosterOf(orgId)
  }

  async update(ctx: HttpContext) {
    const orgId = idParam(ctx.params.orgId)
    refuseUnknown(ctx.request.body(), ['chairId', 'secretaryId', 'memberIds'])
    const input = await ctx.request.validateUsing(rosterValidator)
    await assertOrgInScope(await accessOf(ctx), orgId, 'committee:rule:update')
    const before = await rosterOf(orgId)
    await db.transaction(async (trx) => {
      await saveRoster(trx, { orgId, ...input })
      await audit.append(ctx, {
        action: 'committee.roster.update',
        entityType: 'committee_roster',
        entityId: orgId,
        before: { ...before },
        after: { ...input },
        trx,
      })
    })
    return rosterOf(orgId)
  }
}
