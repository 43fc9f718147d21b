/*
| 发起催收: an item for one customer's loans, written with its outbox message
| in one transaction (nothing is sent for an item that rolled back; a crash
| after commit still sends it). The outbox delivers with the key
| `collection:<item no>` and 智能催收 dedupes by it: sent exactly once in effect,
| whatever errors, timeouts and duplicate deliveries happen on the way.
*/
import { randomUUID } from 'node:crypto'
import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { audit } from '#core/audit/audit'
import type { UserAccess } from '#core/identity/user_access'
import { outbox } from '#core/connectors/outbox'
import { dbNow } from '#core/db/db_time'
import { bookApi } from '../../credit-assets/services/book_api.js'
import { CollectionError } from './collection_error.js'

export const COLLECTION_SYSTEM = 'collection'
export const DISPATCH = 'dispatch'
export const itemKey = (itemNo: string) => `collection:${itemNo}`

export interface ItemInput {
  customerId: number
  loanIds: number[]
  method: string
  dueOn?: string
  instructions?: string
}

/** A refusal of 发起催收 / 登记时效中断 (answered by the exception handler). */
export class ItemError extends CollectionError {
  constructor(status: 404 | 422, field: string, zh: string, en: string) {
    super(status, field, zh, en)
  }
}

export async function startItem(ctx: HttpContext, access: UserAccess, input: ItemInput) {
  const customer = await bookApi.customers.byId(input.customerId, { access })
  if (!customer) throw new ItemError(404, 'customerId', '客户不存在', 'Customer not found')
  const { data } = await bookApi.loans.search({ ids: input.loanIds, perPage: 200 }, { access })
  const wrong = input.loanIds.filter(
    (id) => !data.some((l) => l.id === id && l.customerId === customer.id)
  )
  if (wrong.length)
    throw new ItemError(
      422,
      'loanIds',
      `借据不属于该客户或不在数据权限内：${wrong.join(', ')}`,
      `Loans not of this customer or out of scope: ${wrong.join(', ')}`
    )
  const user = ctx.auth.getUserOrFail()
  return db.transaction(async (trx) => {
    const now = dbNow()
    const [id] = await trx.table('collection_items').insert({
      // Numbered from the id just below (CS<date><id>); a unique placeholder until then.
      item_no: `P${randomUUID().replaceAll('-', '').slice(0, 30)}`,
      customer_id: customer.id,
      customer_no: customer.customerNo,
      customer_name: customer.name,
      method: input.method,
      due_on: input.dueOn ?? null,
      instructions: input.instructions ?? null,
      status: 'sent',
      org_id: data[0].orgId,
      manager_id: data[0].managerId ?? customer.managerId ?? null,
      created_by: user.id,
      created_at: now,
      updated_at: now,
    })
    const itemNo = `CS${now.slice(0, 10).replaceAll('-', '')}${String(id).padStart(6, '0')}`
    await trx.from('collection_items').where('id', id).update({ item_no: itemNo })
    await trx
      .table('collection_item_loans')
      .multiInsert(
        data
          .filter((l) => input.loanIds.includes(l.id))
          .map((l) => ({ item_id: id, loan_id: l.id, loan_no: l.loanNo }))
      )
    await outbox.enqueue(trx, {
      system: COLLECTION_SYSTEM,
      interface: DISPATCH,
      idempotencyKey: itemKey(itemNo),
      correlationId: itemNo,
      payload: {
        itemRef: itemNo,
        customerNo: customer.customerNo,
        customerName: customer.name,
        loanNos: data.filter((l) => input.loanIds.includes(l.id)).map((l) => l.loanNo),
        method: input.method,
        dueOn: input.dueOn ?? null,
        instructions: input.instructions ?? null,
      },
    })
    await audit.append(ctx, {
      action: 'collection.item.create',
      entityType: 'collection_item',
      entityId: Number(id),
      after: { itemNo, customerId: customer.id, loanIds: input.loanIds, method: input.method },
      trx,
    })
    return { id: Number(id), itemNo }
  })
}
