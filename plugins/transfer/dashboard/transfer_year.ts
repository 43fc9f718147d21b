/*
| 债权转让（本年） (home page): this year's completed transfers in the viewer's
| scope, by method — count, book value, price and loss. Summed in fen by the
| database.
*/
import db from '@adonisjs/lucid/services/db'
import type { WidgetDataHandler } from '#core/plugins/types'
import { Money } from '#core/money/money'
import { businessDate } from '#core/business_day/business_date'

const SCOPE = { orgColumn: 'a.org_id', ownerColumn: 'a.created_by' }
const fen = (v: unknown) => Money.fromFen(String(v ?? '0'))

const handler: WidgetDataHandler = async ({ scope }) => {
  const year = (await businessDate.current()).slice(0, 4)
  const rows = await scope(db.from('transfer_applications as a'), SCOPE)
    .where('a.status', 'completed')
    .whereBetween('a.transfer_date', [`${year}-01-01`, `${year}-12-31`])
    .groupBy('a.method')
    .select(
      'a.method',
      db.raw('COUNT(*) as n'),
      db.raw('CAST(SUM(a.book_fen) AS CHAR) as book_fen'),
      db.raw('CAST(SUM(a.price_fen) AS CHAR) as price_fen')
    )
  const byMethod = rows.map((r: any) => ({
    method: r.method as string,
    count: Number(r.n),
    bookValue: fen(r.book_fen).toYuan(),
    price: fen(r.price_fen).toYuan(),
  }))
  const book = Money.sum(rows.map((r: any) => fen(r.book_fen)))
  const price = Money.sum(rows.map((r: any) => fen(r.price_fen)))
  return {
    year,
    count: byMethod.reduce((n, m) => n + m.count, 0),
    bookValue: book.toYuan(),
    price: price.toYuan(),
    loss: book.minus(price).toYuan(),
    byMethod,
  }
}

export default handler
