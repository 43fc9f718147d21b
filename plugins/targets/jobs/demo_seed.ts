/*
| Job targets:demo-seed (demo mode): this year's 压降 and 清收 targets for every
| branch (总行目标) and sub-branch (分行目标), H1 and full year. Amounts are sized
| from what the demo loan book has actually recovered so far, so the tracking
| pages show a spread of completion rates rather than 0% or 5000%.
| The year's 考核 weights too (清收 60 %, 压降 40 %, rates capped at 120 %).
| Safe to rerun: an existing (org, year, period, kind) or weight set is left alone.
*/
import db from '@adonisjs/lucid/services/db'
import { Decimal } from 'decimal.js'
import { businessDate } from '#core/business_day/business_date'
import { decimalText, Money } from '#core/money/money'
import type { JobHandler } from '#core/plugins/types'
import { dbNow } from '#core/db/db_time'
import { actualOf, actualsFor } from '../services/actuals.js'
import { KINDS, levelOfDepth, type Period } from '../services/periods.js'

const WAN_FEN = new Decimal(1_000_000) // 1 万元 in fen
const MIN_FEN = WAN_FEN // targets start at 1 万元

/** Completion we aim the demo at, by org (deterministic): 45% … 125%. */
const aim = (orgId: number) => new Decimal(45 + ((orgId * 37) % 81)).dividedBy(100)

function targetFen(actual: Money, orgId: number, period: Period): string {
  let fen = new Decimal(actual.toFen()).dividedBy(aim(orgId))
  if (period === 'Y') fen = fen.times(1.6) // the year is not over yet
  fen = Decimal.max(fen, MIN_FEN)
  return decimalText(fen.dividedBy(WAN_FEN).ceil().times(WAN_FEN).toString(), 0)
}

const demoSeed: JobHandler = async () => {
  const year = Number((await businessDate.current()).slice(0, 4))
  const orgs = await db.from('orgs').where('status', 'active').select('id', 'path', 'level')
  const admin = await db.from('users').where('username', 'admin').select('id').first()
  const targets = orgs.filter((o) => levelOfDepth(Number(o.level)) !== null)
  const periods: Period[] = ['H1', 'Y']
  const actuals = await actualsFor(
    targets.flatMap((o) => periods.map((period) => ({ orgPath: o.path as string, year, period })))
  )
  let created = 0
  const now = dbNow()
  for (const org of targets) {
    for (const period of periods) {
      for (const kind of KINDS) {
        const exists = await db
          .from('targets_tasks')
          .where({ org_id: org.id, year, period, kind })
          .first()
        if (exists) continue
        const actual = actualOf(actuals, { orgPath: org.path, year, period }, kind)
        await db.table('targets_tasks').insert({
          org_id: org.id,
          level: levelOfDepth(Number(org.level)),
          year,
          period,
          kind,
          amount_fen: targetFen(actual, Number(org.id), period),
          remark: '演示数据',
          created_by: admin?.id ?? 0,
          created_at: now,
          updated_at: now,
        })
        created++
      }
    }
  }
  if (!(await db.from('targets_assessment_weights').where('year', year).first()))
    await db.table('targets_assessment_weights').multiInsert(
      [
        ['recovery', '60.00'],
        ['reduction', '40.00'],
      ].map(([kind, weight]) => ({
        year,
        kind,
        series: '',
        weight_pct: weight,
        cap_pct: '120.00',
        updated_by: admin?.id ?? 0,
        updated_at: now,
      }))
    )
  return { year, created }
}

export default demoSeed
