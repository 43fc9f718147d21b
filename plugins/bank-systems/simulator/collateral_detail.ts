/*
| 押品管理's detail of one 押品 (interface `collateral-detail`, POST
| /collateral/collaterals/detail { collateralNo }): what the book holds (type,
| name, value, valuation date, status) plus the facts only 押品管理 keeps —
| 坐落位置, 权属证书 and the appraisal history — derived deterministically from
| the collateral number (the same answer every time, like the other derived
| facts of the simulator). Amounts in fen. Used by 以资抵债 (抵债资产收取).
*/
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'
import { daysBefore, factsFor } from './random.js'

type Client = ReturnType<typeof import('@adonisjs/lucid/services/db').default.connection>

const CITIES = ['北京市朝阳区', '北京市海淀区', '上海市浦东新区', '天津市河西区', '河北省石家庄市']
const ROADS = ['建国路', '学院路', '世纪大道', '友谊路', '中山路']
const APPRAISERS = [
  '北京中诚资产评估有限公司',
  '上海立信资产评估有限公司',
  '中联资产评估集团有限公司',
]
const REAL_ESTATE = new Set(['residential', 'commercial', 'land'])

const dateText = (v: unknown) =>
  v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? '').slice(0, 10)

export async function collateralDetail(client: Client, collateralNo: string) {
  const c = await client.from(book.collaterals.table).where('collateral_ref', collateralNo).first()
  if (!c) return null
  const r = factsFor('collateral', collateralNo)
  const valuedOn = dateText(c.valuation_date)
  const value = BigInt(c.value_fen)
  const realEstate = REAL_ESTATE.has(String(c.collateral_type))
  // Earlier appraisals: one and two years before, each within ±8 % of the next (whole yuan).
  const earlier = (base: bigint, step: number) => {
    const pct = BigInt(r.int(92, 108))
    return { valuedOn: daysBefore(valuedOn, 365 * step), fen: ((base * pct) / 10000n) * 100n }
  }
  const one = earlier(value, 1)
  const two = earlier(one.fen, 2)
  return {
    collateralNo,
    kind: c.collateral_type,
    description: c.name,
    location: realEstate
      ? `${r.pick(CITIES)}${r.pick(ROADS)}${r.int(1, 999)}号`
      : `${r.pick(CITIES)}（动产存放地）`,
    certificates: realEstate
      ? `京(${valuedOn.slice(0, 4)})不动产权第${r.digits(7)}号`
      : `押品登记第${r.digits(10)}号`,
    status: c.status,
    appraisals: [
      { valuedOn, appraisedValueFen: value.toString(), appraiser: r.pick(APPRAISERS) },
      {
        valuedOn: one.valuedOn,
        appraisedValueFen: one.fen.toString(),
        appraiser: r.pick(APPRAISERS),
      },
      {
        valuedOn: two.valuedOn,
        appraisedValueFen: two.fen.toString(),
        appraiser: r.pick(APPRAISERS),
      },
    ],
  }
}
