/*
| What 数据中台 reports as the bank's non-credit assets, for the demo and the
| tests (the simulator desk serves it; nothing here runs against a real bank).
| Deterministic from the book: a few assets per corporate customer of the book
| (应收款项, 表外垫款 on the customer; 投资类 on its bonds or plans) and interbank
| assets on other banks, each at the customer's org and manager. Amounts in fen;
| accrued interest grows with the business date (rate × days, once, down to the fen).
*/
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { Money } from '#core/money/money'
import { Prng } from '#core/demo/prng'
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'

export interface FeedItem {
  sourceId: string
  assetNo: string
  assetType: string
  subType: string
  assetName: string
  counterparty: string
  customerNo: string | null
  principalFen: string
  bookValueFen: string
  accruedInterestFen: string
  provisionFen: string
  fiveClass: string
  overdueDays: number
  startDate: string
  maturityDate: string | null
  orgCode: string
  managerNo: string | null
}

const BANKS = ['华夏城市商业银行', '东海农村商业银行', '西江村镇银行', '北方信托股份有限公司']
const KINDS: Array<[string, string, string]> = [
  ['receivable', 'other_receivable', '其他应收款'],
  ['advance', 'acceptance_advance', '银行承兑汇票垫款'],
  ['investment', 'bond', '公司债券'],
  ['advance', 'guarantee_advance', '履约保函垫款'],
  ['investment', 'trust', '集合资金信托计划'],
  ['advance', 'lc_advance', '国内信用证垫款'],
  ['investment', 'am_plan', '定向资管计划'],
  ['other', 'other', '待处理抵债款项'],
]
const CLASSES: Array<readonly [string, number]> = [
  ['normal', 3],
  ['special_mention', 3],
  ['substandard', 3],
  ['doubtful', 2],
  ['loss', 1],
]
const PROVISION_PERCENT: Record<string, bigint> = {
  normal: 1n,
  special_mention: 3n,
  substandard: 25n,
  doubtful: 50n,
  loss: 100n,
}
const day = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}
const daysBetween = (from: string, to: string) =>
  Math.max(0, Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 864e5))

function figures(r: Prng, fiveClass: string, startDate: string, businessDate: string) {
  const principal = BigInt(r.int(50, 3000)) * 1_000_000n + BigInt(r.int(0, 99)) // 50万–3000万, odd fen
  const rate = `0.0${r.int(35, 68)}` // 3.5%–6.8% a year
  const interest = Money.fromFen(principal).interest(
    rate,
    daysBetween(startDate, businessDate),
    365,
    'DOWN'
  )
  const provision = (principal * PROVISION_PERCENT[fiveClass]) / 100n
  return {
    principalFen: principal.toString(),
    bookValueFen: (principal - provision).toString(),
    accruedInterestFen:
      fiveClass === 'normal' || fiveClass === 'special_mention' ? interest.toFen() : '0',
    provisionFen: provision.toString(),
  }
}

/** The whole feed of a business date, ordered by asset number (the platform's paging key). */
export async function sourceAssets(client: QueryClientContract, businessDate: string) {
  const customers = await client
    .from(book.customers.as('c'))
    .join('orgs as o', 'o.id', 'c.org_id')
    .leftJoin('users as u', 'u.id', 'c.manager_id')
    .where('c.customer_type', 'corporate')
    .orderBy('c.id')
    .limit(24)
    .select('c.customer_no', 'c.name', 'o.code as org_code', 'u.username as manager_no')
  const items: FeedItem[] = []
  customers.forEach((c: any, i: number) => {
    const r = Prng.fromText(`non-credit:${c.customer_no}`)
    const count = 1 + (i % 2)
    for (let k = 0; k < count; k++) {
      const [assetType, subType, kind] = KINDS[(i + k * 3) % KINDS.length]
      const fiveClass = r.weighted(CLASSES)
      const startDate = day(businessDate, -r.int(120, 900))
      const overdueDays = fiveClass === 'normal' ? 0 : r.int(1, 720)
      const no = `FX${String(i * 2 + k + 1).padStart(6, '0')}`
      items.push({
        sourceId: `DP-NC-${no}`,
        assetNo: no,
        assetType,
        subType,
        assetName: `${c.name}${kind}`,
        counterparty: c.name,
        customerNo: c.customer_no,
        ...figures(r, fiveClass, startDate, businessDate),
        fiveClass,
        overdueDays,
        startDate,
        maturityDate: assetType === 'advance' ? null : day(startDate, 365 * r.int(1, 3)),
        orgCode: c.org_code,
        managerNo: c.manager_no ?? null,
      })
    }
  })
  // 同业资产 are booked at the head office (金融市场部), the root of the org tree.
  const head = await client.from('orgs').whereNull('parent_id').orderBy('id').first()
  const org: string | undefined = head?.code
  if (org)
    BANKS.forEach((bank, i) => {
      const r = Prng.fromText(`non-credit:bank:${i}`)
      const fiveClass = i === 0 ? 'substandard' : r.weighted(CLASSES)
      const startDate = day(businessDate, -r.int(60, 400))
      const no = `TY${String(i + 1).padStart(6, '0')}`
      const subType = [
        'interbank_lending',
        'interbank_deposit',
        'reverse_repo',
        'interbank_lending',
      ][i]
      items.push({
        sourceId: `DP-NC-${no}`,
        assetNo: no,
        assetType: 'interbank',
        subType,
        assetName: `${bank}${subType === 'reverse_repo' ? '买入返售' : '同业款项'}`,
        counterparty: bank,
        customerNo: null,
        ...figures(r, fiveClass, startDate, businessDate),
        fiveClass,
        overdueDays: fiveClass === 'normal' ? 0 : r.int(1, 400),
        startDate,
        maturityDate: day(startDate, 180),
        orgCode: org,
        managerNo: null,
      })
    })
  return items.sort((a, b) => (a.assetNo < b.assetNo ? -1 : a.assetNo > b.assetNo ? 1 : 0))
}
