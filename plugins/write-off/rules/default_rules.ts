/*
| 核销条件 as shipped (财政部 财金〔2017〕90号《金融企业呆账核销管理办法》):
| each condition is a rule RECORD (write_off_rules) with the evidence documents
| it requires; administrators change names, thresholds and documents on
| 核销条件配置 without a release. The small-amount simplified procedure
| (小额简化程序) is a rule with a balance ceiling and a minimum 追索 period;
| the ceilings below are the shipped defaults — a bank sets its own figures.
*/
export interface EvidenceDoc {
  code: string
  name: string
}

export interface RuleSeed {
  code: string
  name: string
  basis: string
  appliesTo: 'loan' | 'card' | 'any'
  /** Fen; the subject's principal must be at most this (band edge included). */
  maxBalanceFen?: string
  minOverdueDays?: number
  requiredDocs: EvidenceDoc[]
}

const RECOVERY: EvidenceDoc = { code: 'recovery_record', name: '追索记录及未获清偿说明' }

export const DEFAULT_RULES: RuleSeed[] = [
  {
    code: 'bankruptcy',
    name: '借款人依法宣告破产、关闭、解散或撤销',
    basis: '财金〔2017〕90号 第六条第（一）项',
    appliesTo: 'loan',
    requiredDocs: [
      { code: 'bankruptcy_ruling', name: '破产裁定书或关闭、解散、撤销决定' },
      { code: 'liquidation_report', name: '清算报告或财产分配方案' },
      RECOVERY,
    ],
  },
  {
    code: 'death',
    name: '借款人死亡或依法被宣告失踪、死亡',
    basis: '财金〔2017〕90号 第六条第（二）项',
    appliesTo: 'any',
    requiredDocs: [
      { code: 'death_certificate', name: '死亡证明或宣告失踪、死亡的判决书' },
      { code: 'estate_statement', name: '遗产及继承人清偿情况说明' },
      RECOVERY,
    ],
  },
  {
    code: 'incapacity',
    name: '借款人丧失完全民事行为能力或劳动能力，无财产可供清偿',
    basis: '财金〔2017〕90号 第六条第（二）项',
    appliesTo: 'any',
    requiredDocs: [
      { code: 'incapacity_proof', name: '丧失民事行为能力或劳动能力的证明' },
      { code: 'property_investigation', name: '财产调查报告' },
      RECOVERY,
    ],
  },
  {
    code: 'disaster',
    name: '借款人遭受重大自然灾害或意外事故，损失巨大且不能获得保险补偿',
    basis: '财金〔2017〕90号 第六条第（三）项',
    appliesTo: 'any',
    requiredDocs: [
      { code: 'disaster_proof', name: '灾害或事故证明' },
      { code: 'insurance_statement', name: '保险理赔情况说明' },
      RECOVERY,
    ],
  },
  {
    code: 'license_revoked',
    name: '借款人被依法吊销营业执照或注销，无财产可供清偿',
    basis: '财金〔2017〕90号 第六条第（四）项',
    appliesTo: 'loan',
    requiredDocs: [
      { code: 'license_revocation', name: '吊销或注销营业执照的证明' },
      { code: 'property_investigation', name: '财产调查报告' },
      RECOVERY,
    ],
  },
  {
    code: 'litigation_ended',
    name: '经诉讼终结执行或终结本次执行，仍无法收回',
    basis: '财金〔2017〕90号 第六条第（八）项',
    appliesTo: 'any',
    requiredDocs: [
      { code: 'judgment', name: '判决书、裁定书或调解书' },
      { code: 'enforcement_termination', name: '终结执行或终结本次执行裁定书' },
      RECOVERY,
    ],
  },
  {
    code: 'small_corporate',
    name: '小额对公贷款简化程序：单户余额不超过 500 万元，追索 180 天以上仍无法收回',
    basis: '财金〔2017〕90号 第六条第（十一）项',
    appliesTo: 'loan',
    maxBalanceFen: '500000000',
    minOverdueDays: 180,
    requiredDocs: [{ code: 'collection_180', name: '追索 180 天以上的催收证明' }, RECOVERY],
  },
  {
    code: 'small_personal',
    name: '个人贷款及信用卡透支简化程序：单户余额不超过 100 万元，追索 180 天以上仍无法收回',
    basis: '财金〔2017〕90号 第六条第（十三）项',
    appliesTo: 'any',
    maxBalanceFen: '100000000',
    minOverdueDays: 180,
    requiredDocs: [{ code: 'collection_180', name: '追索 180 天以上的催收证明' }],
  },
]
