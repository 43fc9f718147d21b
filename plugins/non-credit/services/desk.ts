/*
| 数据中台's non-credit feed in the demo's and the tests' simulator: a desk of
| bank-systems' simulator (its public simulator/desks.ts) serving
| `POST /data-platform/non-credit-assets/query { businessDate, after, limit }`
| → `{ items, next }` in the ESB envelope, keyset-paged by asset number, from
| services/source.ts. `POST /__sim/data-platform/non-credit-assets { sourceId, … }`
| makes the platform report a changed (or, with every field, a new) asset
| from now on, until `POST /__sim/reset`.
*/
import { badRequest, ok, registerSimulatorDesk, reply } from '../../bank-systems/simulator/desks.js'
import { sourceAssets, type FeedItem } from './source.js'

export const DESK_ID = 'non-credit'
const DATE = /^\d{4}-\d{2}-\d{2}$/

export function registerNonCreditDesk() {
  registerSimulatorDesk(DESK_ID, ({ db }) => {
    const overrides = new Map<string, Partial<FeedItem>>()
    let pages = 0
    return {
      async route({ system, method, path, body }) {
        if (system !== 'data-platform' || method !== 'POST' || path !== '/non-credit-assets/query')
          return null
        const limit = Number(body?.limit)
        if (!DATE.test(String(body?.businessDate)))
          return badRequest('businessDate 格式为 YYYY-MM-DD')
        if (!Number.isSafeInteger(limit) || limit < 1 || limit > 5000)
          return badRequest('limit 须为 1–5000 的整数')
        const after = body.after === null || body.after === undefined ? null : String(body.after)
        pages++
        const all = (await sourceAssets(db(), body.businessDate)).map((item) => ({
          ...item,
          ...overrides.get(item.sourceId),
        }))
        for (const [sourceId, o] of overrides)
          if (!all.some((i) => i.sourceId === sourceId) && o.assetNo) all.push(o as FeedItem)
        all.sort((a, b) => (a.assetNo < b.assetNo ? -1 : a.assetNo > b.assetNo ? 1 : 0))
        const rest = all.filter((i) => after === null || i.assetNo > after)
        const items = rest.slice(0, limit)
        const next = rest.length > limit ? items[items.length - 1].assetNo : null
        return reply(ok({ items, next, total: all.length }))
      },
      control(method, path, body) {
        if (method !== 'POST' || path !== '/__sim/data-platform/non-credit-assets') return null
        if (!body?.sourceId) return reply({ message: 'sourceId 必填' }, 400)
        const sourceId = String(body.sourceId)
        overrides.set(sourceId, { ...overrides.get(sourceId), ...body, sourceId })
        return reply({ ok: true })
      },
      reset() {
        overrides.clear()
        pages = 0
      },
      stats: () => ({ pages, overrides: overrides.size }),
    }
  })
}
