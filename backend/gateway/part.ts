import type { HttpContext } from '@adonisjs/core/http'
import { definePart } from '#core/plugins/define_part'

const Controller = () => import('./gateway_controller.js')
const slug = /^[a-z][a-z0-9-]{1,63}$/
const id = /^\d{1,9}$/
const interfaceCode = /^[a-z][a-z0-9-]{1,39}\.[a-z][a-z0-9-]{1,63}$/

/*
| 运维管理 · 系统工具 › 接入网关: calling systems, inbound interfaces, call log, OpenAPI.
| The inbound calls (/gateway/v1/<plugin>/<code>) live outside /api: no session, no CSRF,
| no repeat-submit guard — the signature and its nonce are the guard (gateway_handler.ts).
*/
export default definePart({
  area: 'gateway',
  prefix: '',
  routes(api) {
    const inbound = async (ctx: HttpContext) =>
      (await import('./gateway_handler.js')).handleGatewayCall(ctx)
    for (const verb of ['get', 'post'] as const)
      api.public[verb]('/gateway/v1/:plugin/:code', inbound).where('plugin', slug).where('code', slug)

    const admin = '/api/system/gateway'
    api.get(`${admin}/clients`, [Controller, 'clients'], 'system:gateway:list')
    api.post(`${admin}/clients`, [Controller, 'createClient'], 'system:gateway:manage')
    api.put(`${admin}/clients/:id`, [Controller, 'updateClient'], 'system:gateway:manage').where('id', id)
    api.post(`${admin}/clients/:id/rotate`, [Controller, 'rotate'], 'system:gateway:manage').where('id', id)
    api.get(`${admin}/interfaces`, [Controller, 'interfaces'], 'system:gateway:list')
    api
      .put(`${admin}/interfaces/:code`, [Controller, 'switchInterface'], 'system:gateway:manage')
      .where('code', interfaceCode)
    api.get(`${admin}/calls`, [Controller, 'calls'], 'system:gateway:list')
    api.get(`${admin}/openapi`, [Controller, 'openapi'], 'system:gateway:list')
  },
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
})
