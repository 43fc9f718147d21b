import type { DictionaryDefinition, DictionaryItemDefinition } from '#core/plugins/types'

/* 律师选聘's code lists; banks add their own items on 字典管理. */
type Row = readonly [string, string, string, DictionaryItemDefinition['color']?]
const items = (rows: readonly Row[]): DictionaryItemDefinition[] =>
  rows.map(([code, zh, en, color]) => ({ code, label: { zh, en }, color: color ?? 'primary' }))

export const PANEL_STATUSES = [
  ['candidate', '候选', 'Candidate', 'info'],
  ['panel', '入库', 'On the panel', 'success'],
  ['suspended', '暂停', 'Suspended', 'warning'],
  ['removed', '出库', 'Removed', 'danger'],
] as const

export const FEE_TYPES = [
  ['fixed', '固定收费', 'Fixed fee'],
  ['risk', '风险代理', 'Risk-based (share of recovery)'],
  ['mixed', '固定+风险代理', 'Fixed plus risk-based'],
] as const

export const ENGAGEMENT_STATUSES = [
  ['draft', '草稿', 'Draft', 'info'],
  ['pending', '审批中', 'In approval', 'warning'],
  ['returned', '已退回', 'Returned', 'warning'],
  ['approved', '已批准', 'Approved', 'success'],
  ['rejected', '已否决', 'Rejected', 'danger'],
  ['withdrawn', '已撤回', 'Withdrawn', 'info'],
] as const

export type EngagementStatus = (typeof ENGAGEMENT_STATUSES)[number][0]
export const ENGAGEMENT_EDITABLE: EngagementStatus[] = ['draft', 'returned', 'withdrawn']

export const lawyerDictionaries: DictionaryDefinition[] = [
  {
    type: 'litigation_lawyer_speciality',
    name: { zh: '律师专业领域', en: 'Lawyer speciality' },
    items: items([
      ['financial_lending', '金融借款', 'Financial lending'],
      ['guarantee', '担保物权', 'Security interests'],
      ['enforcement', '强制执行', 'Enforcement'],
      ['bankruptcy', '破产重整', 'Bankruptcy and restructuring'],
      ['arbitration', '仲裁', 'Arbitration'],
      ['criminal', '刑事（金融犯罪）', 'Criminal (financial crime)'],
      ['real_estate', '房地产', 'Real estate'],
    ]),
  },
  {
    type: 'litigation_panel_status',
    name: { zh: '入库状态', en: 'Panel status' },
    items: items(PANEL_STATUSES),
  },
  {
    type: 'litigation_fee_type',
    name: { zh: '律师收费方式', en: 'Fee arrangement' },
    items: items(FEE_TYPES),
  },
  {
    type: 'litigation_engagement_status',
    name: { zh: '律师选聘状态', en: 'Engagement status' },
    items: items(ENGAGEMENT_STATUSES),
  },
]
