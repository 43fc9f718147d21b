import type { ManifestPart } from '#core/system/parts/part'

/* 运维管理 › 表单构建: design forms; each effective form adds its own page and permissions (form_publish.ts). */
const part: ManifestPart = {
  menus: [
    {
      under: 'system:tools',
      code: 'system:forms',
      type: 'page',
      name: { zh: '表单构建', en: 'Form builder' },
      permission: 'system:form:list',
      page: 'forms/FormDesigner',
      path: '/forms/designer',
      icon: 'Grid',
      order: 6,
      children: [
        {
          code: 'system:form:design',
          type: 'button',
          name: { zh: '设计表单', en: 'Design forms' },
          permission: 'system:form:design',
          order: 1,
        },
      ],
    },
  ],
}

export default part
