/*
| credit-assets' ledgers (台账) and what the manifest needs for them: the
| 台账管理 directory every business plugin's ledgers go under
| (menu.parent 'credit-assets:ledgers'), the view and export codes, the
| recovery-method dictionary and the snapshot retention parameter.
*/
import type {
  DictionaryDefinition,
  MenuDefinition,
  PermissionDefinition,
  SettingDefinition,
} from '#core/plugins/types'
import { riskAssetsLedger } from './risk_assets_ledger.js'
import { recoveriesLedger } from './recoveries_ledger.js'
import { customerExitsLedger } from './customer_exits_ledger.js'

export const ledgers = [riskAssetsLedger, recoveriesLedger, customerExitsLedger]

export const ledgersMenu: MenuDefinition = {
  code: 'credit-assets:ledgers',
  type: 'directory',
  name: { zh: '台账管理', en: 'Ledgers' },
  icon: 'Notebook',
  order: 110,
}

export const ledgerPermissions: PermissionDefinition[] = [
  ...ledgers.map((l) => ({
    code: l.permission,
    name: { zh: `查看${l.name.zh}`, en: `View ${l.name.en.toLowerCase()}` },
  })),
  { code: 'credit-assets:ledger:export', name: { zh: '导出台账', en: 'Export ledgers' } },
]

export const ledgerDictionaries: DictionaryDefinition[] = [
  {
    type: 'credit_assets_recovery_method',
    name: { zh: '回收方式', en: 'Recovery method' },
    items: [
      // Tagged per repayment by 交易流水确认 (recovery_writer.ts); banks add their own.
      { code: 'cash', label: { zh: '现金清收', en: 'Cash collection' }, color: 'success' },
      { code: 'foreclosure', label: { zh: '以资抵债', en: 'Debt for asset' }, color: 'primary' },
      {
        code: 'write_off',
        label: { zh: '核销后收回', en: 'Recovered after write-off' },
        color: 'info',
      },
      { code: 'transfer', label: { zh: '转让回款', en: 'Transfer proceeds' }, color: 'warning' },
      {
        code: 'restructuring',
        label: { zh: '重组回收', en: 'Restructuring recovery' },
        color: 'primary',
      },
      {
        code: 'litigation',
        label: { zh: '诉讼执行回款', en: 'Enforcement proceeds' },
        color: 'danger',
      },
    ],
  },
]

export const snapshotSettings: SettingDefinition[] = [
  {
    key: 'credit-assets.snapshot.retentionDays',
    name: { zh: '时点快照保留天数', en: 'Snapshot retention days' },
    type: 'number',
    default: '400',
    description: '每日借据快照保留的天数（月末快照永久保留）；0 表示全部保留',
  },
]
