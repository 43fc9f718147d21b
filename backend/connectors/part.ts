import { definePart } from '#core/plugins/define_part'

const ConnectorsController = () => import('./connectors_controller.js')
const OutboxController = () => import('./outbox_controller.js')

/*
| 运维管理 · 系统工具 · 服务管理 (external systems and interfaces, §6.1.1) and
| 外发消息 (the outbox of money-changing calls), the delivery job and its 参数.
|
| Routes (/api/system/connectors, /api/system/outbox), each with its code. Fixed
| paths (calls, openapi.json) come before `:code` so they are not read as a
| system code.
*/
const button = (code: string, permission: string, zh: string, en: string) => ({
  code,
  type: 'button' as const,
  name: { zh, en },
  permission,
})

export default definePart({
  area: 'connectors',
  routes(api) {
    api.get('/connectors', [ConnectorsController, 'index'], 'system:connector:list')
    api.get('/connectors/calls', [ConnectorsController, 'calls'], 'system:connector:list')
    api.get('/connectors/openapi.json', [ConnectorsController, 'openapi'], 'system:connector:list')
    api.put('/connectors/:code', [ConnectorsController, 'update'], 'system:connector:update')
    api.put(
      '/connectors/:code/interfaces/:iface',
      [ConnectorsController, 'updateInterface'],
      'system:connector:update'
    )
    api.post('/connectors/:code/check', [ConnectorsController, 'check'], 'system:connector:check')

    api.get('/outbox', [OutboxController, 'index'], 'system:outbox:list')
    api.post('/outbox/:id/retry', [OutboxController, 'retry'], 'system:outbox:retry')
  },
  menus: [
    {
      under: 'system:tools',
      code: 'system:connectors',
      type: 'page',
      name: { zh: '服务管理', en: 'External services' },
      permission: 'system:connector:list',
      page: 'system/Connectors',
      path: '/system/connectors',
      icon: 'Connection',
      order: 20,
      children: [
        button(
          'system:connectors:update',
          'system:connector:update',
          '启用/停用',
          'Enable/disable'
        ),
        button('system:connectors:check', 'system:connector:check', '检查', 'Check'),
      ],
    },
    {
      under: 'system:tools',
      code: 'system:outbox',
      type: 'page',
      name: { zh: '外发消息', en: 'Outbox' },
      permission: 'system:outbox:list',
      page: 'system/Outbox',
      path: '/system/outbox',
      icon: 'Promotion',
      order: 21,
      children: [button('system:outbox:retry-button', 'system:outbox:retry', '重发', 'Retry')],
    },
  ],
  permissions: [
    {
      code: 'system:connector:update',
      name: { zh: '启停外部服务', en: 'Switch external services' },
    },
    { code: 'system:connector:check', name: { zh: '检查外部服务', en: 'Check external services' } },
    { code: 'system:outbox:retry', name: { zh: '重发外发消息', en: 'Retry outbox messages' } },
  ],
  dictionaries: [
    {
      type: 'outbox_status',
      name: { zh: '外发消息状态', en: 'Outbox status' },
      items: [
        { code: 'pending', label: { zh: '待发送', en: 'Pending' }, color: 'warning', order: 1 },
        { code: 'sent', label: { zh: '已送达', en: 'Sent' }, color: 'success', order: 2 },
        { code: 'dead', label: { zh: '发送失败', en: 'Dead' }, color: 'danger', order: 3 },
      ],
    },
  ],
  settings: [
    {
      key: 'system.outbox.maxAttempts',
      name: { zh: '外发消息最大发送次数', en: 'Outbox maximum attempts' },
      type: 'number',
      default: '10',
      description: '超过次数仍未送达的消息标记为发送失败，需人工重发',
    },
    {
      key: 'system.outbox.backoffSeconds',
      name: { zh: '外发消息首次重试间隔（秒）', en: 'Outbox first retry delay (s)' },
      type: 'number',
      default: '2',
      description: '之后每次失败间隔翻倍，直至“最长重试间隔”',
    },
    {
      key: 'system.outbox.maxBackoffSeconds',
      name: { zh: '外发消息最长重试间隔（秒）', en: 'Outbox longest retry delay (s)' },
      type: 'number',
      default: '600',
      description:
        '翻倍的重试间隔不超过此值。对方系统整体不可用时由熔断器挡住调用，故批量记账日可调低（如 60），使偶发失败的少数消息不必久等',
    },
    {
      key: 'system.outbox.claimTtlSeconds',
      name: { zh: '外发消息认领保持时间（秒）', en: 'Outbox claim hold (s)' },
      type: 'number',
      default: '120',
      description: '发送进程崩溃后，其认领的消息在此时间后由其他进程重发（同一幂等键）',
    },
    {
      key: 'system.outbox.timeoutSeconds',
      name: { zh: '外发消息单次调用超时（秒）', en: 'Outbox call timeout (s)' },
      type: 'number',
      default: '10',
    },
    {
      key: 'system.outbox.concurrency',
      name: { zh: '外发消息并发发送数', en: 'Outbox parallel sends' },
      type: 'number',
      default: '5',
      description:
        '每个发送任务同时在途的调用数；批量记账（如批量核销）时可调高，以对方系统承受能力为限',
    },
    {
      key: 'system.outbox.batchItems',
      name: { zh: '外发消息每批条数', en: 'Outbox messages per batch request' },
      type: 'number',
      default: '100',
      description:
        '对方系统提供批量接口（如核心系统批量记账）时，每次调用携带的消息数；每条仍有自己的幂等键和结果。1 表示逐条发送',
    },
    {
      key: 'system.outbox.tickSeconds',
      name: { zh: '外发消息轮询间隔（秒）', en: 'Outbox polling interval (s)' },
      type: 'number',
      default: '15',
      description: '每个应用节点检查待发消息的间隔；修改后重启生效',
    },
  ],
  jobs: [{ name: 'system:outbox-deliver', handler: () => import('#core/connectors/outbox_job') }],
})
