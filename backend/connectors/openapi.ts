/*
| The OpenAPI 3 description of the registered interfaces, served to the console
| (服务管理 · 接口文档). One path per interface, prefixed with its system code
| (systems have different base URLs; `servers` lists each one's). Inbound
| interfaces are the ones other systems call on us; outbound ones we call.
*/
import { connectorRegistry } from './registry.js'
import { allSystemRows } from './connector_store.js'

export async function openApiDocument(locale: string) {
  const zh = locale !== 'en'
  const rows = await allSystemRows()
  const paths: Record<string, Record<string, unknown>> = {}
  const tags = []
  for (const system of connectorRegistry.all()) {
    const baseUrl = rows.find((r) => r.code === system.code)?.baseUrl ?? system.defaultBaseUrl
    tags.push({
      'name': system.code,
      'description': `${zh ? system.name.zh : system.name.en} (${system.owner})`,
      'x-base-url': baseUrl ?? null,
    })
    for (const iface of system.interfaces) {
      const key = `/${system.code}${iface.path.startsWith('/') ? '' : '/'}${iface.path}`
      const operation: Record<string, unknown> = {
        'operationId': `${system.code}.${iface.code}`,
        'summary': zh ? iface.name.zh : iface.name.en,
        'tags': [system.code],
        'x-direction': iface.direction,
        'x-money-changing': Boolean(iface.moneyChanging),
        'responses': {
          200: {
            description: 'OK',
            ...(iface.response
              ? { content: { 'application/json': { schema: iface.response } } }
              : {}),
          },
        },
      }
      if (iface.moneyChanging)
        operation.parameters = [
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: true,
            schema: { type: 'string', maxLength: 128 },
          },
        ]
      if (iface.request && iface.method !== 'GET')
        operation.requestBody = {
          required: true,
          content: { 'application/json': { schema: iface.request } },
        }
      paths[key] = { ...(paths[key] ?? {}), [iface.method.toLowerCase()]: operation }
    }
  }
  return {
    openapi: '3.0.3',
    info: {
      title: zh ? '外部系统接口' : 'External system interfaces',
      version: '1.0.0',
    },
    tags,
    paths,
  }
}
