import { definePlugin } from '#core/plugins/define_plugin'
import { accountabilityWorkflowType } from './workflow/accountability_type.js'

/*
| 责任认定 (spec §2 日常管理): the accountability results for a loan loss — the
| customer and its loans (credit-assets' book), the persons held accountable
| (a user or a free name, with their role), findings, penalties and dates —
| registered and approved through the core workflow; evidence images filed on
| and viewed from the 影像平台 (bank-systems' imaging connector). Shown on
| 客户视图 through the slot `customer-view:customer-panels`.
*/
const Cases = () => import('./controllers/cases_controller.js')
const LIST = 'accountability:case:list'
const CREATE = 'accountability:case:create'

export default definePlugin({
  id: 'accountability',
  name: { zh: '责任认定', en: 'Accountability' },
  version: '0.1.0',
  description: {
    zh: '登记贷款损失的责任认定结果（责任人、角色、认定事实、处理措施、日期），影像平台存证，审批后生效，在客户视图展示',
    en: 'Accountability results for loan losses, with evidence on the imaging platform and approval',
  },
  dependsOn: ['credit-assets', 'bank-systems', 'customer-view'],

  routes(router) {
    router.get('/cases', [Cases, 'index'], LIST)
    router.get('/cases/:id', [Cases, 'show'], LIST)
    router.post('/cases', [Cases, 'store'], CREATE)
    router.get('/cases/:id/images', [Cases, 'images'], LIST)
    router.post('/cases/:id/images', [Cases, 'upload'], CREATE)
  },

  workflowTypes: [accountabilityWorkflowType],

  menus: [
    {
      code: 'accountability:root',
      type: 'page',
      parent: 'customer-view:daily',
      order: 50,
      icon: 'Stamp',
      name: { zh: '责任认定', en: 'Accountability' },
      permission: LIST,
      page: 'accountability/Cases',
      children: [
        { code: CREATE, type: 'button', name: { zh: '登记', en: 'Register' }, permission: CREATE },
      ],
    },
  ],

  dictionaries: [
    {
      type: 'accountability_status',
      name: { zh: '责任认定状态', en: 'Accountability status' },
      items: [
        { code: 'pending', label: { zh: '审批中', en: 'Under approval' }, color: 'primary' },
        { code: 'returned', label: { zh: '已退回', en: 'Returned' }, color: 'warning' },
        { code: 'rejected', label: { zh: '已否决', en: 'Rejected' }, color: 'danger' },
        { code: 'withdrawn', label: { zh: '已撤回', en: 'Withdrawn' }, color: 'info' },
        { code: 'approved', label: { zh: '已生效', en: 'In force' }, color: 'success' },
      ],
    },
    {
      type: 'accountability_role',
      name: { zh: '责任人角色', en: 'Role of the person' },
      items: [
        { code: 'handler', label: { zh: '经办人', en: 'Handler' } },
        { code: 'reviewer', label: { zh: '审查人', en: 'Reviewer' } },
        { code: 'approver', label: { zh: '审批人', en: 'Approver' } },
        { code: 'manager', label: { zh: '管户人', en: 'Account manager' } },
        { code: 'supervisor', label: { zh: '主管领导', en: 'Supervisor' } },
      ],
    },
    {
      type: 'accountability_penalty',
      name: { zh: '责任处理措施', en: 'Penalty' },
      items: [
        { code: 'none', label: { zh: '免责', en: 'Exempted' } },
        { code: 'criticism', label: { zh: '通报批评', en: 'Public criticism' } },
        // The only one with an amount (penalty_amount, DECIMAL yuan).
        { code: 'fine', label: { zh: '经济处罚', en: 'Fine' } },
        { code: 'warning', label: { zh: '警告', en: 'Warning' } },
        { code: 'demotion', label: { zh: '降级', en: 'Demotion' } },
        { code: 'dismissal', label: { zh: '解除劳动合同', en: 'Dismissal' } },
      ],
    },
  ],

  slots: [
    {
      slot: 'customer-view:customer-panels',
      id: 'customer-accountability',
      title: { zh: '责任认定', en: 'Accountability' },
      component: 'accountability/slots/CustomerCasesPanel',
      permission: LIST,
      order: 40,
    },
  ],
})
