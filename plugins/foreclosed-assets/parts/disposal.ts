import { definePart } from '#core/plugins/define_part'
import { disposalWorkflowType } from '../workflow/disposal_type.js'
import { L, button } from './part.js'

/*
| 资产处置 › 出售申请 / 转固申请 / 列损申请: routes, menus, the workflow type
| and dictionaries (the committee kind is registered in startup.ts).
*/
const Disposals = () => import('../controllers/disposals_controller.js')
const LIST = 'foreclosed-assets:disposal:list'
const CREATE = 'foreclosed-assets:disposal:create'

const page = (code: string, zh: string, en: string, key: string, order: number) => ({
  code: `foreclosed-assets:${code}`,
  type: 'page' as const,
  name: L(zh, en),
  permission: LIST,
  page: `foreclosed-assets/${key}`,
  icon: 'Sell',
  order,
  children: [button(CREATE, '发起申请', 'Apply')],
})

const part = definePart({
  routes(router) {
    router.get('/disposals', [Disposals, 'index'], LIST)
    router.get('/disposals/:id', [Disposals, 'show'], LIST)
    router.post('/disposals', [Disposals, 'store'], CREATE)
    router.post('/disposals/:id/postings/:postingId/retry', [Disposals, 'retry'], CREATE)
  },
  permissions: [{ code: LIST, name: L('查看抵债资产处置', 'View disposals') }],
  menus: [
    {
      code: 'foreclosed-assets:disposal',
      type: 'directory',
      name: L('资产处置', 'Disposal'),
      icon: 'Sell',
      order: 40,
      children: [
        page('disposal-sales', '出售申请', 'Sales', 'DisposalSales', 10),
        {
          ...page('disposal-fixed', '转固申请', 'To fixed assets', 'DisposalToFixed', 20),
          children: [],
        },
        {
          ...page('disposal-write-offs', '列损申请', 'Write-downs', 'DisposalWriteOffs', 30),
          children: [],
        },
      ],
    },
  ],
  workflowTypes: [disposalWorkflowType],
  dictionaries: [
    {
      type: 'foreclosed_assets_disposal_kind',
      name: L('抵债资产处置类型', 'Disposal kind'),
      items: [
        { code: 'sale', label: L('出售', 'Sale') },
        { code: 'to_fixed', label: L('转固', 'To fixed assets') },
        { code: 'write_off', label: L('列损', 'Write-down') },
      ],
    },
    {
      type: 'foreclosed_assets_disposal_status',
      name: L('抵债资产处置申请状态', 'Disposal status'),
      items: [
        { code: 'applied', label: L('审批中', 'Under approval'), color: 'warning' },
        { code: 'committee', label: L('上会审议', 'Before the committee'), color: 'warning' },
        { code: 'completed', label: L('已完成', 'Completed'), color: 'success' },
        { code: 'rejected', label: L('已否决', 'Rejected'), color: 'danger' },
        { code: 'returned', label: L('已退回', 'Returned'), color: 'info' },
        { code: 'withdrawn', label: L('已撤回', 'Withdrawn'), color: 'info' },
      ],
    },
    {
      type: 'foreclosed_assets_sale_method',
      name: L('出售方式', 'Sale method'),
      items: [
        { code: 'auction', label: L('拍卖', 'Auction') },
        { code: 'agreement', label: L('协议转让', 'By agreement') },
        { code: 'tender', label: L('招标', 'Tender') },
      ],
    },
    {
      type: 'foreclosed_assets_posting_kind',
      name: L('抵债资产记账类型', 'Posting kind'),
      items: [
        { code: 'proceeds', label: L('处置价款', 'Proceeds') },
        { code: 'loss', label: L('处置损失', 'Loss') },
        { code: 'gain', label: L('处置收益', 'Gain') },
        { code: 'to_fixed', label: L('转为固定资产', 'To fixed assets') },
        { code: 'write_off', label: L('列损', 'Write-down') },
      ],
    },
  ],
})

export default part
