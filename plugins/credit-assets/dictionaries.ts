/* The code lists (数据字典) of credit assets; types carry the plugin prefix. */
import type { DictionaryDefinition } from '#core/plugins/types'

type Item = [
  code: string,
  zh: string,
  en: string,
  color?: 'primary' | 'success' | 'warning' | 'danger' | 'info',
]

const dict = (type: string, zh: string, en: string, items: Item[]): DictionaryDefinition => ({
  type: `credit_assets_${type}`,
  name: { zh, en },
  items: items.map(([code, izh, ien, color]) => ({
    code,
    label: { zh: izh, en: ien },
    ...(color ? { color } : {}),
  })),
})

export const dictionaries: DictionaryDefinition[] = [
  dict('customer_type', '客户类型', 'Customer type', [
    ['corporate', '企业', 'Corporate', 'primary'],
    ['individual', '个人', 'Individual', 'success'],
    ['online', '网贷', 'Online lending', 'warning'],
  ]),
  dict('id_type', '证件类型', 'ID type', [
    ['uscc', '统一社会信用代码', 'Unified social credit code'],
    ['id_card', '居民身份证', 'Resident ID card'],
    ['passport', '护照', 'Passport'],
  ]),
  dict('five_class', '五级分类', 'Five-category class', [
    ['normal', '正常', 'Normal', 'success'],
    ['special_mention', '关注', 'Special mention', 'primary'],
    ['substandard', '次级', 'Substandard', 'warning'],
    ['doubtful', '可疑', 'Doubtful', 'danger'],
    ['loss', '损失', 'Loss', 'info'],
  ]),
  dict('loan_product', '贷款产品', 'Loan product', [
    ['working_capital', '流动资金贷款', 'Working capital loan'],
    ['fixed_asset', '固定资产贷款', 'Fixed asset loan'],
    ['trade_finance', '贸易融资', 'Trade finance'],
    ['mortgage', '个人住房贷款', 'Residential mortgage'],
    ['consumer', '个人消费贷款', 'Consumer loan'],
    ['business', '个人经营贷款', 'Personal business loan'],
    ['online_consumer', '互联网消费贷', 'Online consumer loan'],
  ]),
  dict('repayment_method', '还款方式', 'Repayment method', [
    ['equal_installment', '等额本息', 'Equal installments'],
    ['equal_principal', '等额本金', 'Equal principal'],
    ['interest_monthly', '按月付息到期还本', 'Monthly interest, bullet principal'],
    ['bullet', '利随本清', 'Bullet'],
  ]),
  dict('currency', '币种', 'Currency', [
    ['CNY', '人民币', 'Renminbi'],
    ['USD', '美元', 'US dollar'],
    ['HKD', '港币', 'Hong Kong dollar'],
  ]),
  dict('loan_status', '借据状态', 'Loan status', [
    ['active', '存续', 'Active', 'success'],
    ['settled', '结清', 'Settled', 'info'],
    ['written_off', '已核销', 'Written off', 'danger'],
    // Set by disposal plugins through services/book_writer.ts.
    ['transferred', '已转让', 'Transferred', 'info'],
    ['foreclosed', '已抵债', 'Foreclosed', 'info'],
    ['relieved', '减免结清', 'Settled with relief', 'info'],
  ]),
  dict('risk_asset_status', '风险资产状态', 'Risk asset status', [
    ['managed', '管理中', 'Under management', 'warning'],
    ['exited', '已退出', 'Exited', 'info'],
  ]),
  dict('guarantee_type', '担保方式', 'Guarantee type', [
    ['guaranty', '保证', 'Guaranty'],
    ['mortgage', '抵押', 'Mortgage'],
    ['pledge', '质押', 'Pledge'],
  ]),
  dict('collateral_type', '押品类型', 'Collateral type', [
    ['residential', '住宅', 'Residential property'],
    ['commercial', '商业用房', 'Commercial property'],
    ['land', '土地使用权', 'Land use right'],
    ['equipment', '机器设备', 'Equipment'],
    ['receivable', '应收账款', 'Receivables'],
    ['deposit', '存单', 'Deposit certificate'],
  ]),
  dict('collateral_status', '押品状态', 'Collateral status', [
    ['valid', '有效', 'Valid', 'success'],
    ['seized', '已查封', 'Seized', 'warning'],
    ['released', '已解押', 'Released', 'info'],
  ]),
  dict('floor_flag', '分类下限标识', 'Floor flag', [
    ['below', '低于下限', 'Below floor', 'danger'],
    ['ok', '符合', 'Compliant', 'success'],
  ]),
  dict('risk_event_type', '风险资产事件', 'Risk asset event', [
    ['handover', '移交风险资产', 'Handed over'],
    ['classification', '五级分类调整', 'Reclassified'],
    ['balance', '余额变动', 'Balance changed'],
    ['org', '机构变更', 'Org changed'],
    ['manager', '管户人变更', 'Manager changed'],
    ['tags', '标签变更', 'Tags changed'],
    ['disposal', '处置结果', 'Disposal outcome'],
    ['status', '借据状态变更', 'Loan status changed'],
    ['terms', '贷款条件变更（重组）', 'Terms changed (restructuring)'],
  ]),
]
