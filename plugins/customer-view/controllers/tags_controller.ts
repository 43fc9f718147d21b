import type { HttpContext } from '@adonisjs/core/http'
import { audit } from '#core/audit/audit'
import { findCustomer } from '../services/customer_scope.js'
import { addTag, removeTag, tagCodes, tagsOf } from '../services/tags.js'
import { tagValidator } from '../validators/customers.js'

/** 客户标签: add and remove, each audited (who tagged whom with what is a permission-relevant fact). */
export default class TagsController {
  async store(ctx: HttpContext) {
    const { customer } = await findCustomer(ctx)
    const { tag } = await ctx.request.validateUsing(tagValidator(await tagCodes()))
    const added = await addTag(customer.id, tag, ctx.auth.getUserOrFail().id)
    if (added)
      await audit.record(ctx, {
        action: 'customer.tag.add',
        entityType: 'ca_customer',
        entityId: customer.id,
        after: { tag },
        detail: customer.customer_no,
      })
    return { added, tags: await tagsOf(customer.id) }
  }

  async destroy(ctx: HttpContext) {
    const { customer } = await findCustomer(ctx)
    const tag = String(ctx.params.tag)
    const removed = await removeTag(customer.id, tag, ctx.auth.getUserOrFail().id)
    if (!removed) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    await audit.record(ctx, {
      action: 'customer.tag.remove',
      entityType: 'ca_customer',
      entityId: customer.id,
      before: { tag },
      detail: customer.customer_no,
    })
    return { removed, tags: await tagsOf(customer.id) }
  }
}
