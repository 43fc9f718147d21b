/*
| 接口文档: one OpenAPI 3 document of both directions — the inbound interfaces
| the plugins declare (served by the gateway here, with the signature headers as
| security schemes) and the outbound connector registry (backend/connectors/
| openapi.ts, one path per system interface). Inbound paths are the real paths
| a partner calls; outbound ones carry `x-direction: outbound` and their
| system's base URL on the tag.
*/
import { openApiDocument } from '#core/connectors/openapi'
import { inboundRegistry } from './inbound_registry.js'
import { CLOCK_WINDOW_SECONDS } from './signature.js'

const error = { $ref: '#/components/schemas/GatewayError' }

export async function gatewayOpenApi(locale: string) {
  const zh = locale !== 'en'
  const outbound = await openApiDocument(locale)
  const paths: Record<string, Record<string, unknown>> = {}
  for (const item of await inboundRegistry.list()) {
    const d = item.definition
    const operation: Record<string, unknown> = {
      'operationId': item.code,
      'summary': zh ? d.name.zh : d.name.en,
      ...(d.description ? { description: zh ? d.description.zh : d.description.en } : {}),
      'tags': ['inbound'],
      'x-direction': 'inbound',
      'x-intended-for': d.intendedFor ?? [],
      'security': [
        { GatewayKey: [], GatewayTimestamp: [], GatewayNonce: [], GatewaySignature: [] },
      ],
      'responses': {
        200: {
          description: 'OK',
          ...(d.response ? { content: { 'application/json': { schema: d.response } } } : {}),
        },
        401: {
          description: 'unsigned / unknown key / bad signature / expired / replayed',
          content: { 'application/json': { schema: error } },
        },
        403: {
          description: 'system closed / interface closed / not granted',
          content: { 'application/json': { schema: error } },
        },
        422: { description: 'invalid body', content: { 'application/json': { schema: error } } },
        429: { description: 'rate limited', content: { 'application/json': { schema: error } } },
      },
    }
    if (d.method === 'POST' && d.request)
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: d.request } },
      }
    if (d.method === 'GET' && d.request && typeof d.request.properties === 'object')
      operation.parameters = Object.entries(d.request.properties as Record<string, unknown>).map(
        ([name, schema]) => ({
          name,
          in: 'query',
          required: ((d.request!.required as string[] | undefined) ?? []).includes(name),
          schema,
        })
      )
    paths[item.path] = { [d.method.toLowerCase()]: operation }
  }
  const header = (name: string, description: string) => ({
    type: 'apiKey',
    in: 'header',
    name,
    description,
  })
  return {
    openapi: '3.0.3',
    info: {
      title: zh ? '接入与外部系统接口' : 'Inbound and external interfaces',
      version: '1.0.0',
      description: zh
        ? `接入接口须签名：HMAC-SHA256(密钥, 方法\\n路径(含查询串)\\n时间戳\\n随机串\\nSHA-256(请求体) 十六进制)，时间戳与本系统时钟相差不超过 ${CLOCK_WINDOW_SECONDS} 秒，随机串不可重复使用。`
        : `Inbound calls are signed: HMAC-SHA256(secret, METHOD\\npath-with-query\\ntimestamp\\nnonce\\nhex SHA-256(body)); timestamp within ${CLOCK_WINDOW_SECONDS} s of our clock; a nonce is used once.`,
    },
    tags: [
      {
        name: 'inbound',
        description: zh ? '接入接口（对方调用本系统）' : 'Inbound (they call us)',
      },
      ...outbound.tags,
    ],
    paths: { ...paths, ...outbound.paths },
    components: {
      securitySchemes: {
        GatewayKey: header('X-Gateway-Key', 'key id'),
        GatewayTimestamp: header('X-Gateway-Timestamp', 'Unix seconds'),
        GatewayNonce: header('X-Gateway-Nonce', '8-64 [A-Za-z0-9_-], single use'),
        GatewaySignature: header('X-Gateway-Signature', 'hex HMAC-SHA256'),
      },
      schemas: {
        GatewayError: {
          type: 'object',
          properties: {
            code: { type: 'string' },
            message: { type: 'string' },
            errors: { type: 'array', items: { type: 'object' } },
          },
          required: ['code', 'message'],
        },
      },
    },
  }
}
