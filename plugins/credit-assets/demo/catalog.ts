/* The demo bank's vocabulary: names, products and their amount/rate ranges. */
import type { Prng } from '#core/demo/prng'

export type CustomerType = 'corporate' | 'individual' | 'online'

/*
| The customer mix of the demo book: of the default 2,000 customers about 300
| corporate, 1,300 individual (个人, enough for the 1,000-customer 批量检查 of
| individual customers with an active loan) and 400 online-loan (网贷).
*/
export const CUSTOMER_TYPES: ReadonlyArray<readonly [CustomerType, number]> = [
  ['corporate', 15],
  ['individual', 65],
  ['online', 20],
]

export interface Product {
  code: string
  /** Amount range in yuan, and the step amounts are rounded to. */
  min: number
  max: number
  step: number
  /** Annual rate range in millionths (43500 = 4.35%). */
  rateMin: number
  rateMax: number
  months: [number, number]
}

export const PRODUCTS: Record<CustomerType, ReadonlyArray<readonly [Product, number]>> = {
  corporate: [
    [
      {
        code: 'working_capital',
        min: 500_000,
        max: 30_000_000,
        step: 10_000,
        rateMin: 34500,
        rateMax: 65000,
        months: [6, 36],
      },
      55,
    ],
    [
      {
        code: 'fixed_asset',
        min: 2_000_000,
        max: 80_000_000,
        step: 100_000,
        rateMin: 39000,
        rateMax: 60000,
        months: [36, 120],
      },
      25,
    ],
    [
      {
        code: 'trade_finance',
        min: 200_000,
        max: 10_000_000,
        step: 1_000,
        rateMin: 30000,
        rateMax: 55000,
        months: [3, 12],
      },
      20,
    ],
  ],
  individual: [
    [
      {
        code: 'mortgage',
        min: 300_000,
        max: 3_000_000,
        step: 1_000,
        rateMin: 31000,
        rateMax: 49000,
        months: [120, 360],
      },
      50,
    ],
    [
      {
        code: 'consumer',
        min: 20_000,
        max: 500_000,
        step: 100,
        rateMin: 36000,
        rateMax: 98000,
        months: [12, 60],
      },
      30,
    ],
    [
      {
        code: 'business',
        min: 100_000,
        max: 3_000_000,
        step: 1_000,
        rateMin: 38000,
        rateMax: 75000,
        months: [12, 60],
      },
      20,
    ],
  ],
  online: [
    [
      {
        code: 'online_consumer',
        min: 1_000,
        max: 50_000,
        step: 1,
        rateMin: 72000,
        rateMax: 240000,
        months: [3, 24],
      },
      100,
    ],
  ],
}

export const REPAYMENT_METHODS = [
  'equal_installment',
  'equal_principal',
  'interest_monthly',
  'bullet',
] as const

/** Overdue-day buckets: [min, max] and weight (roughly a mid-size bank's book). */
export const OVERDUE: ReadonlyArray<readonly [[number, number], number]> = [
  [[0, 0], 85],
  [[1, 7], 2],
  [[8, 30], 3],
  [[31, 90], 3],
  [[91, 180], 3],
  [[181, 270], 1.5],
  [[271, 360], 1],
  [[361, 1500], 1.5],
]

/** Overdue days of the overdue credit cards (a third of them past 180 days: 信用卡核销 candidates). */
export const CARD_OVERDUE: ReadonlyArray<readonly [[number, number], number]> = [
  [[1, 30], 3],
  [[31, 90], 2],
  [[91, 180], 2],
  [[181, 720], 3],
]

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
]
const GIVEN = [
  ...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红文斌鹏宇浩然子轩欣怡梓涵晨雨佳琪思远俊杰嘉豪一鸣',
]
const WORDS = [...'华信达恒泰盛隆鑫源宏远鼎丰瑞祥博安正通汇德海天新元中创融嘉和']
export const INDUSTRIES = [
  '制造业',
  '批发和零售业',
  '建筑业',
  '房地产业',
  '交通运输业',
  '信息技术服务业',
  '住宿和餐饮业',
  '农林牧渔业',
  '租赁和商务服务业',
  '电力热力燃气',
]
const SUFFIX = ['科技', '实业', '贸易', '建设', '物流', '制造', '投资', '置业', '食品', '能源']

export const REGIONS: Record<string, { name: string; idPrefix: string }> = {
  '11': { name: '北京市', idPrefix: '110105' },
  '31': { name: '上海市', idPrefix: '310115' },
  '44': { name: '广东省广州市', idPrefix: '440106' },
}

export function personName(r: Prng) {
  return r.pick(SURNAMES) + r.pick(GIVEN) + (r.chance(0.6) ? r.pick(GIVEN) : '')
}

export function companyName(r: Prng, city: string) {
  const short = city.replace(/省.*|市$/, '').slice(-2)
  return `${short}${r.pick(WORDS)}${r.pick(WORDS)}${r.pick(SUFFIX)}有限公司`
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'
export function uscc(r: Prng, areaCode: string) {
  let body = ''
  for (let i = 0; i < 9; i++) body += USCC_CHARS[r.int(0, USCC_CHARS.length - 1)]
  return `91${areaCode}${body}${USCC_CHARS[r.int(0, USCC_CHARS.length - 1)]}`
}

export function idCard(r: Prng, areaCode: string) {
  const year = r.int(1960, 2002)
  const month = String(r.int(1, 12)).padStart(2, '0')
  const day = String(r.int(1, 28)).padStart(2, '0')
  const check = r.pick(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X'])
  return `${areaCode}${year}${month}${day}${r.digits(3)}${check}`
}
