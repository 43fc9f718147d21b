/*
| The demo bank's org tree (head office, three branches, two sub-branches each)
| and the head office's departments, seeded by demo_bank.ts.
*/
export interface OrgSeed {
  code: string
  name: string
  children?: OrgSeed[]
}

export const DEMO_ORGS: OrgSeed = {
  code: '000000',
  name: '示范银行总行',
  children: [
    {
      code: '110000',
      name: '北京分行',
      children: [
        { code: '110101', name: '北京朝阳支行' },
        { code: '110102', name: '北京海淀支行' },
      ],
    },
    {
      code: '310000',
      name: '上海分行',
      children: [
        { code: '310101', name: '上海浦东支行' },
        { code: '310102', name: '上海徐汇支行' },
      ],
    },
    {
      code: '440100',
      name: '广州分行',
      children: [
        { code: '440101', name: '广州天河支行' },
        { code: '440102', name: '广州越秀支行' },
      ],
    },
  ],
}

export const DEMO_DEPARTMENTS = [
  { code: 'RISK', name: '风险管理部' },
  { code: 'ASSET', name: '资产管理部' },
  { code: 'CREDIT', name: '信贷管理部' },
]
