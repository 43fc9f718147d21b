/*
| Job foreclosed-assets:demo-seed (demo mode, once per database after
| credit-assets built the book): a few assets taken in settlement of managed
| 损失/可疑 loans — 朝阳支行 first — received through the public service the
| foreclosure plugin uses (deadlines computed, reminders registered, audited).
| Acquisition dates spread over three years, so 资产分发 has assets to hand out,
| 抵债资产明细 shows every class, and the dashboard shows assets past their
| 处置期限. Two are already distributed to the 朝阳 account manager.
*/
import db from '@adonisjs/lucid/services/db'
import type { JobHandler } from '#core/plugins/types'
import { businessDate } from '#core/business_day/business_date'
import { Money } from '#core/money/money'
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'
import { receiveAsset } from '../assets/receive.js'
import { addMonths } from '../rules/deadline.js'
import type { AssetClass } from '../rules/default_class_rules.js'
import { distribute } from '../distribution/distribution_service.js'
import { UserAccess } from '#core/identity/user_access'
import User from '#core/identity/user'

const ASSETS: Array<{
  cls: AssetClass
  name: string
  location: string
  monthsAgo: number
  book: string
  appraised: string
  distribute?: boolean
}> = [
  {
    cls: 'real_estate',
    name: '朝阳区建国路88号商铺',
    location: '北京市朝阳区建国路88号1层',
    monthsAgo: 3,
    book: '860000.00',
    appraised: '900000.00',
  },
  {
    cls: 'real_estate',
    name: '朝阳区望京某小区住宅',
    location: '北京市朝阳区望京西园3区',
    monthsAgo: 20,
    book: '3200000.00',
    appraised: '3350000.00',
    distribute: true,
  },
  {
    cls: 'movable',
    name: '数控机床两台',
    location: '北京市大兴区某工业园仓库',
    monthsAgo: 14,
    book: '420000.00',
    appraised: '380000.00',
    distribute: true,
  },
  {
    cls: 'equity',
    name: '某科技有限公司15%股权',
    location: '北京市海淀区',
    monthsAgo: 27,
    book: '6500000.00',
    appraised: '6000000.00',
  },
  {
    cls: 'movable',
    name: '商务车辆一辆',
    location: '北京市朝阳区某停车场',
    monthsAgo: 5,
    book: '180000.00',
    appraised: '175000.00',
  },
  {
    cls: 'other_right',
    name: '某商场租赁经营权',
    location: '北京市西城区',
    monthsAgo: 8,
    book: '1250000.00',
    appraised: '1300000.00',
  },
]

const handler: JobHandler = async ({ progress }) => {
  const today = await businessDate.current()
  const chaoyang = await db.from('orgs').where('code', '110101').select('id').first()
  const loans = await db
    .from(book.riskAssets.as('ra'))
    .join(book.loans.as('l'), 'l.id', 'ra.loan_id')
    .where('ra.status', 'managed')
    .whereIn('l.five_class', ['loss', 'doubtful'])
    .orderByRaw('CASE WHEN l.org_id = ? THEN 0 ELSE 1 END', [Number(chaoyang?.id ?? 0)])
    .orderBy('l.id')
    .limit(ASSETS.length)
    .select('l.id', 'l.customer_id', 'l.org_id')
  const admin =
    (await db.from('users').where('username', 'bj_asset').first()) ??
    (await db.from('users').where('username', 'admin').first())
  const manager = await db.from('users').where('username', 'bj_cy_am').first()
  if (!loans.length || !admin) return { created: 0 }
  let created = 0
  for (const [i, spec] of ASSETS.entries()) {
    const loan = loans[i % loans.length]
    const acquiredOn = addMonths(today, -spec.monthsAgo)
    const { id } = await receiveAsset({
      receiptRef: `demo:${i + 1}`,
      customerId: Number(loan.customer_id),
      orgId: Number(loan.org_id),
      loanIds: [Number(loan.id)],
      assetClass: spec.cls,
      name: spec.name,
      location: spec.location,
      certificates:
        spec.cls === 'real_estate'
          ? `京(${acquiredOn.slice(0, 4)})朝阳区不动产权第00${1000 + i}号`
          : null,
      acquiredOn,
      bookValueFen: Money.fromYuan(spec.book).toFen(),
      appraisedValueFen: Money.fromYuan(spec.appraised).toFen(),
      actorId: Number(admin.id),
    })
    if (spec.distribute && manager && Number(loan.org_id) === Number(manager.org_id)) {
      const user = await User.findOrFail(Number(admin.id))
      const access = await UserAccess.load(user)
      await db
        .transaction((trx) =>
          distribute(
            trx,
            {
              assetIds: [id],
              managerId: Number(manager.id),
              businessLine: 'corporate',
              region: '北京朝阳',
            },
            { userId: user.id, orgId: user.orgId, ctx: null },
            access
          )
        )
        .catch(() => undefined)
    }
    created++
    await progress((created / ASSETS.length) * 100, `${created}/${ASSETS.length}`)
  }
  return { created }
}

export default handler
