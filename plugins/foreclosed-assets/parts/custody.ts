import { definePart } from '#core/plugins/define_part'
import { L, button } from './part.js'

/*
| 定期检查 and 资产保管 (基本信息 / 临时经营信息 / 收入登记管理): routes, menus,
| dictionaries.
*/
const Custody = () => import('../controllers/custody_controller.js')

const part = definePart({
  routes(router) {
    router.get('/checks', [Custody, 'checks'], 'foreclosed-assets:check:list')
    router.post('/assets/:id/checks', [Custody, 'storeCheck'], 'foreclosed-assets:check:create')
    router.post('/checks/:id/photos', [Custody, 'storePhoto'], 'foreclosed-assets:check:create')
    router.get('/photos/:id', [Custody, 'photo'], 'foreclosed-assets:check:list')
    router.get('/leases', [Custody, 'leases'], 'foreclosed-assets:lease:list')
    router.post('/assets/:id/leases', [Custody, 'storeLease'], 'foreclosed-assets:lease:create')
    router.post('/leases/:id/end', [Custody, 'endLease'], 'foreclosed-assets:lease:create')
    router.get('/entries', [Custody, 'entries'], 'foreclosed-assets:entry:list')
    router.post('/assets/:id/entries', [Custody, 'storeEntry'], 'foreclosed-assets:entry:create')
  },
  menus: [
    {
      code: 'foreclosed-assets:checks',
      type: 'page',
      name: L('定期检查', 'Periodic checks'),
      permission: 'foreclosed-assets:check:list',
      page: 'foreclosed-assets/Checks',
      icon: 'View',
      order: 20,
      children: [button('foreclosed-assets:check:create', '登记检查', 'Record a check')],
    },
    {
      code: 'foreclosed-assets:custody',
      type: 'directory',
      name: L('资产保管', 'Custody'),
      icon: 'Box',
      order: 30,
      children: [
        {
          code: 'foreclosed-assets:custody-basic',
          type: 'page',
          name: L('基本信息', 'Basic information'),
          permission: 'foreclosed-assets:asset:list',
          page: 'foreclosed-assets/CustodyBasic',
          icon: 'Document',
          order: 10,
          children: [button('foreclosed-assets:asset:update', '维护信息', 'Edit')],
        },
        {
          code: 'foreclosed-assets:custody-leases',
          type: 'page',
          name: L('临时经营信息', 'Temporary leases'),
          permission: 'foreclosed-assets:lease:list',
          page: 'foreclosed-assets/CustodyLeases',
          icon: 'House',
          order: 20,
          children: [button('foreclosed-assets:lease:create', '新建租约', 'New lease')],
        },
        {
          code: 'foreclosed-assets:custody-income',
          type: 'page',
          name: L('收入登记管理', 'Income and expenses'),
          permission: 'foreclosed-assets:entry:list',
          page: 'foreclosed-assets/CustodyIncome',
          icon: 'Wallet',
          order: 30,
          children: [button('foreclosed-assets:entry:create', '收支登记', 'Register')],
        },
      ],
    },
  ],
  dictionaries: [
    {
      type: 'foreclosed_assets_condition',
      name: L('抵债资产状况', 'Asset condition'),
      items: [
        { code: 'good', label: L('完好', 'Good'), color: 'success' },
        { code: 'fair', label: L('一般', 'Fair'), color: 'warning' },
        { code: 'poor', label: L('较差', 'Poor'), color: 'danger' },
      ],
    },
    {
      type: 'foreclosed_assets_occupancy',
      name: L('抵债资产占用情况', 'Occupancy'),
      items: [
        { code: 'vacant', label: L('空置', 'Vacant'), color: 'info' },
        { code: 'leased', label: L('出租', 'Leased'), color: 'primary' },
        { code: 'self_used', label: L('自用', 'Own use'), color: 'primary' },
        { code: 'occupied', label: L('被占用', 'Occupied by others'), color: 'danger' },
      ],
    },
    {
      type: 'foreclosed_assets_damage',
      name: L('抵债资产损毁情况', 'Damage'),
      items: [
        { code: 'none', label: L('无损毁', 'None'), color: 'success' },
        { code: 'minor', label: L('轻微损毁', 'Minor'), color: 'warning' },
        { code: 'severe', label: L('严重损毁', 'Severe'), color: 'danger' },
      ],
    },
    {
      type: 'foreclosed_assets_rent_period',
      name: L('租金周期', 'Rent period'),
      items: [
        { code: 'month', label: L('按月', 'Monthly') },
        { code: 'quarter', label: L('按季', 'Quarterly') },
        { code: 'year', label: L('按年', 'Yearly') },
      ],
    },
    {
      type: 'foreclosed_assets_lease_status',
      name: L('租约状态', 'Lease status'),
      items: [
        { code: 'active', label: L('执行中', 'Active'), color: 'primary' },
        { code: 'ended', label: L('已结束', 'Ended'), color: 'info' },
      ],
    },
    {
      type: 'foreclosed_assets_entry_kind',
      name: L('保管收支类型', 'Custody income/expense kind'),
      items: [
        { code: 'rent', label: L('租金收入', 'Rent') },
        { code: 'deposit', label: L('押金', 'Deposit') },
        { code: 'other_income', label: L('其他收入', 'Other income') },
        { code: 'custody_fee', label: L('保管费', 'Custody fee') },
        { code: 'repair', label: L('维修费', 'Repairs') },
        { code: 'property_fee', label: L('物业费', 'Property fee') },
        { code: 'tax', label: L('税费', 'Taxes') },
        { code: 'other_expense', label: L('其他支出', 'Other expense') },
      ],
    },
    {
      type: 'foreclosed_assets_direction',
      name: L('收支方向', 'Direction'),
      items: [
        { code: 'income', label: L('收入', 'Income'), color: 'success' },
        { code: 'expense', label: L('支出', 'Expense'), color: 'warning' },
      ],
    },
  ],
})

export default part
