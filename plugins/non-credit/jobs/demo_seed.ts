/*
| Job non-credit:demo-seed (demo mode, once per database, after credit-assets
| built the book): the platform's feed of today written through the same upsert
| as the daily job, but read straight from services/source.ts — the simulator
| may not listen yet while the demo is seeded. The daily job and 同步数据中台 then
| go through the simulator's 数据中台 like production.
*/
import db from '@adonisjs/lucid/services/db'
import type { JobHandler } from '#core/plugins/types'
import { businessDate } from '#core/business_day/business_date'
import { importItems } from '../services/sync.js'
import { sourceAssets } from '../services/source.js'

const demoSeed: JobHandler = async ({ progress }) => {
  const today = await businessDate.current()
  const items = await sourceAssets(db.connection(), today)
  const result = await importItems(items, today)
  await progress(100, `非信贷资产 ${result.created + result.updated + result.unchanged} 笔`)
  return result
}

export default demoSeed
