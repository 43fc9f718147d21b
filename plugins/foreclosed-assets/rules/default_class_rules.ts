/*
| The regulation's 处置期限 per asset class, the seed of the configurable
| records in foreclosed_assets_class_rules (the 处置期限设置 page edits them).
| 《商业银行法》第四十二条: 抵债不动产 within two years of acquisition;
| 财金〔2005〕53号《银行抵债资产管理办法》第十九条: 不动产和股权 within two
| years, 动产 within one year of acquisition.
*/
export const ASSET_CLASSES = ['real_estate', 'movable', 'equity', 'other_right'] as const
export type AssetClass = (typeof ASSET_CLASSES)[number]

export interface ClassRuleSeed {
  assetClass: AssetClass
  disposalMonths: number
  reminderOffsets: number[]
  checkIntervalMonths: number
  basis: string
}

export const DEFAULT_CLASS_RULES: ClassRuleSeed[] = [
  {
    assetClass: 'real_estate',
    disposalMonths: 24,
    reminderOffsets: [60, 20, 5],
    checkIntervalMonths: 3,
    basis: '《商业银行法》第四十二条；财金〔2005〕53号第十九条：不动产自取得之日起2年内处置',
  },
  {
    assetClass: 'equity',
    disposalMonths: 24,
    reminderOffsets: [60, 20, 5],
    checkIntervalMonths: 3,
    basis: '财金〔2005〕53号第十九条：股权自取得之日起2年内处置',
  },
  {
    assetClass: 'movable',
    disposalMonths: 12,
    reminderOffsets: [30, 10, 3],
    checkIntervalMonths: 3,
    basis: '财金〔2005〕53号第十九条：动产自取得之日起1年内处置',
  },
  {
    assetClass: 'other_right',
    disposalMonths: 24,
    reminderOffsets: [60, 20, 5],
    checkIntervalMonths: 3,
    basis: '参照财金〔2005〕53号第十九条：其他权利比照不动产、股权，自取得之日起2年内处置',
  },
]
