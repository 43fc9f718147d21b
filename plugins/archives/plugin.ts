import { definePlugin } from '#core/plugins/define_plugin'

/*
| 客户档案管理 (spec §2 日常管理, via 影像平台/电子档案): a customer's credit archive
| as a document tree by category, uploads, 替换 (a new version, the old kept),
| metadata edits and previews of images and PDFs streamed through our server.
| Uploads go to the platform through the outbox (one key per upload), so they
| are queued while it is down and filed exactly once when it is back.
| Menu under 日常管理 (customer-view's directory).
*/
const Archives = () => import('./controllers/archives_controller.js')
const LIST = 'archives:document:list'
const UPLOAD = 'archives:document:upload'
const EDIT = 'archives:document:edit'

export default definePlugin({
  id: 'archives',
  name: { zh: '客户档案管理', en: 'Customer Archives' },
  version: '0.1.0',
  description: {
    zh: '客户信贷档案（影像平台/电子档案）：按类别的档案树、上传、替换留存旧版本、信息维护与预览',
    en: "A customer's credit archive on the imaging platform: tree, upload, versions, preview",
  },
  dependsOn: ['credit-assets', 'bank-systems', 'customer-view'],

  routes(router) {
    router.get('/customers/:customerId/tree', [Archives, 'tree'], LIST)
    router.post('/customers/:customerId/documents', [Archives, 'upload'], UPLOAD)
    router.post('/customers/:customerId/documents/:id/versions', [Archives, 'replace'], UPLOAD)
    router.patch('/customers/:customerId/documents/:id', [Archives, 'update'], EDIT)
    router.get(
      '/customers/:customerId/documents/:id/versions/:versionId/preview',
      [Archives, 'preview'],
      LIST
    )
  },

  menus: [
    {
      code: 'archives:root',
      type: 'page',
      parent: 'customer-view:daily',
      order: 60,
      icon: 'Folder',
      name: { zh: '客户档案管理', en: 'Customer archives' },
      permission: LIST,
      page: 'archives/ArchivePage',
      children: [
        {
          code: UPLOAD,
          type: 'button',
          name: { zh: '上传/替换', en: 'Upload / replace' },
          permission: UPLOAD,
        },
        {
          code: EDIT,
          type: 'button',
          name: { zh: '信息维护', en: 'Edit details' },
          permission: EDIT,
        },
      ],
    },
  ],

  // The customer's archive at a glance on 客户视图 (ui/slots/; customer-view offers the slot).
  slots: [
    {
      slot: 'customer-view:customer-panels',
      id: 'customer-archive',
      title: { zh: '客户档案', en: 'Customer archive' },
      component: 'archives/slots/CustomerArchivePanel',
      permission: LIST,
      order: 40,
    },
  ],

  dictionaries: [
    {
      type: 'archives_category',
      name: { zh: '档案类别', en: 'Archive category' },
      items: [
        { code: 'basic', label: { zh: '基本资料', en: 'Basic' } },
        { code: 'credit', label: { zh: '授信资料', en: 'Credit' } },
        { code: 'contract', label: { zh: '合同协议', en: 'Contracts' } },
        { code: 'guarantee', label: { zh: '担保资料', en: 'Guarantees' } },
        { code: 'post_loan', label: { zh: '贷后资料', en: 'Post-loan' } },
        { code: 'disposal', label: { zh: '处置资料', en: 'Disposal' } },
        { code: 'other', label: { zh: '其他', en: 'Other' } },
      ],
    },
  ],
})
