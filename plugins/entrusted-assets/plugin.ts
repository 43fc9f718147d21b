import { definePlugin } from '#core/plugins/define_plugin'
import type { MenuDefinition } from '#core/plugins/types'
import { entrustedLedger } from './ledgers/entrusted_ledger.js'
import { specialLedger } from './ledgers/special_ledger.js'

/*
| 受托资产台账 and 特定资产台账 (spec §2.9 台账管理): registration pages for assets
| the bank manages on behalf of a principal (contract, principal, fee rate and
| fee, period) and for 特定资产 (risk assets flagged by hand or by configurable
| rules), with their ledgers under 台账管理 (as-of dates, export, print).
*/
const Assets = () => import('./controllers/assets_controller.js')
const Special = () => import('./controllers/special_controller.js')
const L = (zh: string, en: string) => ({ zh, en })
const button = (code: string, zh: string, en: string): MenuDefinition => ({
  code,
  type: 'button',
  name: L(zh, en),
  permission: code,
})

export default definePlugin({
  id: 'entrusted-assets',
  name: L('受托与特定资产', 'Entrusted and special assets'),
  version: '0.1.0',
  description: L(
    '受托资产登记与台账、特定资产（规则或手工标记）登记与台账',
    'Entrusted assets and special assets: registration and ledgers'
  ),
  dependsOn: ['credit-assets'],

  routes(router) {
    router.get('/assets', [Assets, 'index'], 'entrusted-assets:asset:list')
    router.get('/assets/:id', [Assets, 'show'], 'entrusted-assets:asset:list')
    router.post('/assets', [Assets, 'store'], 'entrusted-assets:asset:create')
    router.put('/assets/:id', [Assets, 'update'], 'entrusted-assets:asset:update')
    router.get('/special', [Special, 'index'], 'entrusted-assets:special:list')
    router.get('/special/:id', [Special, 'show'], 'entrusted-assets:special:list')
    router.post('/special', [Special, 'store'], 'entrusted-assets:special:create')
    router.delete('/special/:id', [Special, 'destroy'], 'entrusted-assets:special:delete')
    router.post('/special-apply', [Special, 'apply'], 'entrusted-assets:special:create')
    router.get('/rules', [Special, 'rules'], 'entrusted-assets:rule:list')
    router.get('/rules/:id', [Special, 'rule'], 'entrusted-assets:rule:list')
    router.post('/rules', [Special, 'storeRule'], 'entrusted-assets:rule:create')
    router.put('/rules/:id', [Special, 'updateRule'], 'entrusted-assets:rule:update')
  },

  menus: [
    {
      code: 'entrusted-assets:assets',
      type: 'page',
      parent: 'credit-assets:ledgers',
      order: 44,
      icon: 'EditPen',
      name: L('受托资产登记', 'Entrusted asset registration'),
      permission: 'entrusted-assets:asset:list',
      page: 'entrusted-assets/EntrustedAssets',
      children: [
        button('entrusted-assets:asset:create', '登记', 'Register'),
        button('entrusted-assets:asset:update', '修改', 'Edit'),
      ],
    },
    {
      code: 'entrusted-assets:special',
      type: 'page',
      parent: 'credit-assets:ledgers',
      order: 74,
      icon: 'EditPen',
      name: L('特定资产登记', 'Special asset registration'),
      permission: 'entrusted-assets:special:list',
      page: 'entrusted-assets/SpecialAssets',
      children: [
        button('entrusted-assets:special:create', '标记特定资产', 'Flag'),
        button('entrusted-assets:special:delete', '取消标记', 'Unflag'),
        button('entrusted-assets:rule:list', '查看标记规则', 'View rules'),
        button('entrusted-assets:rule:create', '新增规则', 'Add rule'),
        button('entrusted-assets:rule:update', '修改规则', 'Edit rule'),
      ],
    },
  ],

  permissions: [
    {
      code: 'entrusted-assets:ledger:list',
      name: L('查看受托资产台账', 'View the entrusted ledger'),
    },
    {
      code: 'entrusted-assets:ledger:export',
      name: L('导出受托资产台账', 'Export the entrusted ledger'),
    },
    {
      code: 'entrusted-assets:special-ledger:list',
      name: L('查看特定资产台账', 'View the special assets ledger'),
    },
    {
      code: 'entrusted-assets:special-ledger:export',
      name: L('导出特定资产台账', 'Export the special assets ledger'),
    },
  ],

  ledgers: [entrustedLedger, specialLedger],

  dictionaries: [
    {
      type: 'entrusted_asset_status',
      name: L('受托资产状态', 'Entrusted asset status'),
      items: [
        { code: 'managing', label: L('管理中', 'Managing'), color: 'primary', order: 1 },
        { code: 'ended', label: L('已结束', 'Ended'), color: 'info', order: 2 },
      ],
    },
    {
      // Administrators add their bank's categories in 数据字典.
      type: 'entrusted_special_category',
      name: L('特定资产类别', 'Special asset category'),
      items: [
        { code: 'key_project', label: L('重点项目', 'Key project'), color: 'danger', order: 1 },
        { code: 'large_amount', label: L('大额资产', 'Large amount'), color: 'warning', order: 2 },
        { code: 'regulatory', label: L('监管关注', 'Regulatory focus'), order: 3 },
      ],
    },
    {
      type: 'entrusted_rule_status',
      name: L('规则状态', 'Rule status'),
      items: [
        { code: 'enabled', label: L('启用', 'Enabled'), color: 'success', order: 1 },
        { code: 'disabled', label: L('停用', 'Disabled'), color: 'info', order: 2 },
      ],
    },
    {
      type: 'entrusted_special_source',
      name: L('标记方式', 'Flagged by'),
      items: [
        { code: 'manual', label: L('手工标记', 'By hand'), order: 1 },
        { code: 'rule', label: L('规则标记', 'By rule'), order: 2 },
      ],
    },
  ],
})
