import type { ManifestPart } from '#core/system/parts/part'

/* 运维管理 · 系统工具 › 接入网关: calling systems, inbound interfaces, call log, OpenAPI. */
const part: ManifestPart = {
  menus: [
    {
      under: 'system:tools',
      code: 'system:gateway',
      type: 'page',
      name: { zh: '接入网关', en: 'API gateway' },
      permission: 'system:gateway:list',
      page: 'system/Gateway',
      path: '/system/gateway',
      icon: 'Key',
      order: 22,
      children: [
        {
          code: 'system:gateway:manage-button',
          type: 'button',
          name: { zh: '维护接入系统', en: 'Manage calling systems' },
          permission: 'system:gateway:manage',
          order: 1,
        },
      ],
    },
  ],
  permissions: [
    {
      code: 'system:gateway:manage',
      name: { zh: '维护接入系统与接口', en: 'Manage calling systems and interfaces' },
    },
  ],
  settings: [
    {
      key: 'system.gateway.rotationGraceHours',
      name: { zh: '接入密钥轮换宽限期（小时）', en: 'Key rotation grace (hours)' },
      type: 'number',
      default: '24',
      description: '轮换密钥后旧密钥仍可使用的时长，0 表示立即失效',
    },
  ],
}

export default part
