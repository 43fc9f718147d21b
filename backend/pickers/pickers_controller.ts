import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { pickOrgs } from '#core/pickers/org_picker'
import { pickUsers } from '#core/pickers/user_picker'
import { orgPickerValidator, userPickerValidator } from '#core/pickers/validators'

/**
 * 记录选择器 of the core (console OrgPicker / UserPicker): the org tree and
 * people for forms, each inside the caller's data scope. A record the caller
 * cannot open is a 404, like a missing one (RecordNotVisible, user_picker.ts).
 */
export default class PickersController {
  async orgs(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(orgPickerValidator)
    return pickOrgs(await accessOf(ctx), input.scope ?? 'mine')
  }

  async users(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(userPickerValidator)
    return pickUsers(await accessOf(ctx), {
      keyword: input.ids ? undefined : input.keyword || undefined,
      ids: input.ids?.split(',').map(Number),
      page: input.page ?? 1,
      perPage: input.ids ? 50 : (input.perPage ?? 20),
      orgId: input.orgId,
      permission: input.permission,
      recordOrgId: input.recordOrgId,
      recordOwnerId: input.recordOwnerId,
    })
  }
}
