import { definePart } from '#core/plugins/define_part'
import { documentDictionaries } from '../documents/kinds.js'

/*
| 法律文书申请 (apply a template to a case, edit, versions, PDF / .docx / print)
| and 文书模板管理 (administrators' versioned templates). Documents follow their
| case's data scope.
*/
const Documents = () => import('../controllers/documents/document_controller.js')
const Templates = () => import('../controllers/documents/template_controller.js')

const LIST = 'litigation:document:list'
const CREATE = 'litigation:document:create'
const TEMPLATES = 'litigation:template:manage'

const part = definePart({
  routes(router) {
    router.get('/documents', [Documents, 'index'], LIST)
    router.get('/documents/:id', [Documents, 'show'], LIST)
    router.get('/documents/:id/pdf', [Documents, 'pdf'], LIST)
    router.get('/documents/:id/docx', [Documents, 'docx'], LIST)
    router.post('/documents', [Documents, 'store'], CREATE)
    router.put('/documents/:id', [Documents, 'update'], CREATE)
    router.get('/document-templates', [Templates, 'index'], TEMPLATES)
    router.get('/document-templates/:code', [Templates, 'show'], TEMPLATES)
    router.put('/document-templates/:code', [Templates, 'update'], TEMPLATES)
  },

  permissions: [
    { code: CREATE, name: { zh: '申请、编辑法律文书', en: 'Apply for and edit legal documents' } },
  ],

  menus: [
    {
      code: 'litigation:documents',
      type: 'page',
      name: { zh: '法律文书申请', en: 'Legal Documents' },
      permission: LIST,
      // ?caseId= lists one case's documents; ?id= opens one document.
      page: 'litigation/documents/LegalDocuments',
      icon: 'Document',
      order: 40,
      children: [
        {
          code: 'litigation:document:create',
          type: 'button',
          name: { zh: '生成/编辑', en: 'Apply / edit' },
          permission: CREATE,
        },
      ],
    },
    {
      code: 'litigation:document-templates',
      type: 'page',
      name: { zh: '文书模板管理', en: 'Document Templates' },
      permission: TEMPLATES,
      page: 'litigation/documents/DocumentTemplates',
      icon: 'EditPen',
      order: 45,
    },
  ],

  dictionaries: documentDictionaries,
})

export default part
