/* Query and body validators of the customer view. */
import vine from '@vinejs/vine'
import { FIVE_CLASSES } from '../../credit-assets/rules/five_class.js'

export const customerSearchValidator = vine.compile(
  vine.object({
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().range([1, 200]).optional(),
    /** Name (prefix, or substring with match=contains), ID number (exact), customer no. or 借据号 (prefix). */
    keyword: vine.string().trim().maxLength(100).optional(),
    /** How the name matches: prefix (default, an index range) or contains (a scan). */
    match: vine.enum(['prefix', 'contains']).optional(),
    sort: vine.string().trim().maxLength(64).optional(),
    order: vine.enum(['asc', 'desc']).optional(),
    /** Org subtree (机构及下级) of the customer's org. */
    orgId: vine.number().withoutDecimals().min(1).optional(),
    /** Customers with at least one loan in this class. */
    fiveClass: vine.enum(FIVE_CLASSES).optional(),
    customerType: vine.enum(['corporate', 'individual', 'online']).optional(),
    tag: vine.string().trim().maxLength(64).optional(),
  })
)

/** Tags are dictionary codes; the list is read when the request comes, so an administrator's new tag is accepted at once. */
export const tagValidator = (codes: string[]) =>
  vine.compile(vine.object({ tag: vine.enum(codes.length ? codes : ['-']) }))
