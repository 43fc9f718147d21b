/*
| Parts of the demo bank generator (generate.ts): the org tree loans are booked
| at, and the rows that hang off a loan or a customer — 担保 and 押品 per
| product, and the credit-card overdraft accounts. They draw from the
| generator's own random streams in the same order as before the split, so the
| same seed still gives the same bank (and checksum).
*/
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { Prng } from '#core/demo/prng'
import { classRank, FIVE_CLASSES } from '../rules/five_class.js'
import { classificationFloor } from '../rules/classification_floor.js'
import * as C from './catalog.js'
import type { TableName } from './tables.js'

const DAY = 86_400_000
export const dayOf = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY)
export const dateOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10)

export interface OrgInfo {
  id: number
  areaCode: string
  region: string
  managers: number[]
}

export async function loadOrgs(client: QueryClientContract): Promise<OrgInfo[]> {
  const orgs = await client
    .from('orgs')
    .where('status', 'active')
    .orderBy('id')
    .select('id', 'code', 'parent_id')
  if (!orgs.length)
    throw new Error('No orgs: seed the bank (node ace demo:seed) before generating loans')
  const parents = new Set(orgs.map((o) => o.parent_id))
  // Loans are booked at the leaves (支行); the head office books none.
  const leaves = orgs.filter((o) => !parents.has(o.id))
  const users = await client
    .from('users')
    .whereIn(
      'org_id',
      leaves.map((o) => o.id)
    )
    .orderBy('id')
    .select('id', 'org_id')
  return leaves.map((o) => {
    const region = C.REGIONS[String(o.code).slice(0, 2)] ?? C.REGIONS['11']
    return {
      id: o.id,
      areaCode: region.idPrefix,
      region: region.name,
      managers: users.filter((u) => u.org_id === o.id).map((u) => u.id),
    }
  })
}

/** What the parts share with the generator's main loop. */
export interface GenerationContext {
  /** The main random stream (customers, loans, security). */
  r: Prng
  seed: number
  /** Writes one row (relative ids), returns its relative id. */
  emit: (table: TableName, values: unknown[]) => Promise<number>
  orgs: OrgInfo[]
  asOfDay: number
  loans: number
  customers: number
  customerType: Uint8Array
  customerOrg: Uint16Array
  customerManager: Int32Array
  types: C.CustomerType[]
}

/** 担保 and 押品 by product: mortgages always secured; online loans never. */
export async function addSecurity(
  ctx: GenerationContext,
  loan: number,
  product: string,
  amountFen: number,
  org: OrgInfo,
  overdueDays: number,
  startDay: number
) {
  const { r, emit, asOfDay } = ctx
  let kind: 'guaranty' | 'mortgage' | null = null
  let collateralType = 'residential'
  if (product === 'mortgage') kind = 'mortgage'
  else if (['working_capital', 'fixed_asset', 'trade_finance'].includes(product)) {
    kind = r.chance(0.6) ? 'guaranty' : 'mortgage'
    collateralType = r.pick(['commercial', 'land', 'equipment', 'receivable'])
  } else if (product === 'business' && r.chance(0.5)) kind = 'mortgage'
  else if (product === 'consumer' && r.chance(0.1)) kind = 'guaranty'
  if (!kind) return
  const corporateGuarantor = product !== 'consumer' && kind === 'guaranty'
  const guarantorName = corporateGuarantor ? C.companyName(r, org.region) : C.personName(r)
  const guarantee = await emit('ca_guarantees', [
    loan,
    kind,
    null,
    guarantorName,
    corporateGuarantor ? 'uscc' : 'id_card',
    corporateGuarantor ? C.uscc(r, org.areaCode) : C.idCard(r, org.areaCode),
    amountFen,
  ])
  if (kind === 'mortgage') {
    const valueFen = Math.floor((amountFen * r.int(110, 220)) / 100)
    const valuationDay = Math.max(startDay, asOfDay - r.int(0, 720))
    const status = overdueDays > 90 && r.chance(0.3) ? 'seized' : 'valid'
    await emit('ca_collaterals', [
      loan,
      guarantee,
      `CL${r.digits(10)}`,
      collateralType,
      `${org.region}${collateralType === 'residential' ? '住宅' : '抵押物'}${r.int(1, 999)}号`,
      valueFen,
      dateOf(valuationDay),
      status,
    ])
  }
}

/**
 * 信用卡透支账户: one card per ten loans, held by individual customers, with
 * overdraft principal, interest and fees; the overdue ones (a third) in the
 * classes the days put them in. A second generator stream, so the loans stay
 * what the same seed always gave.
 */
export async function addCardAccounts(ctx: GenerationContext) {
  const { emit, orgs, asOfDay, customerType, customerOrg, customerManager, types } = ctx
  const cards = new Prng(ctx.seed + 1)
  const count = Math.ceil(ctx.loans / 10)
  for (let k = 0; k < count; k++) {
    let customer = cards.int(1, ctx.customers)
    for (let tries = 0; tries < 5 && types[customerType[customer]] === 'corporate'; tries++)
      customer = cards.int(1, ctx.customers)
    const org = orgs[customerOrg[customer]]
    const limitFen = cards.int(1, 20) * 1_000_000
    const overdue = cards.chance(0.35)
    const overdueDays = overdue ? (([a, b]) => cards.int(a, b))(cards.weighted(C.CARD_OVERDUE)) : 0
    const principalFen = overdue
      ? Math.floor((limitFen * cards.int(40, 100)) / 100)
      : cards.int(0, limitFen)
    const interestFen = overdue
      ? Math.floor((principalFen * Math.min(overdueDays, 720) * 5) / 10_000)
      : 0
    const feeFen = overdue ? Math.min(principalFen, cards.int(1, 12) * 5_000) : 0
    const rank = classRank(classificationFloor(overdueDays, 7))
    const openedDay = asOfDay - overdueDays - cards.int(180, 2400)
    const card = await emit('ca_card_accounts', [
      '',
      `6225********${String(cards.int(0, 9999)).padStart(4, '0')}`,
      customer,
      org.id,
      customerManager[customer] || null,
      cards.pick(['standard', 'gold', 'platinum']),
      limitFen,
      principalFen,
      interestFen,
      feeFen,
      overdueDays,
      FIVE_CLASSES[rank - 1],
      dateOf(openedDay),
      'active',
    ])
    if (overdue && cards.chance(0.3))
      await emit('ca_card_repayments', [
        card,
        dateOf(asOfDay - cards.int(1, Math.max(1, overdueDays))),
        cards.int(1, 100) * 10_000,
      ])
  }
}
