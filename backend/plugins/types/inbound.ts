/*
| Inbound interfaces (接入接口): what other bank systems (信贷门户, 数据中台…) may
| call on us through the API gateway (backend/gateway). A plugin declares them
| in its manifest; the gateway checks the caller's signature, grant, switches
| and rate limit, then hands the parsed body to the handler. Served at
| `/gateway/v1/<plugin id>/<code>`, documented in the gateway's OpenAPI.
*/
import type { Localized } from './common.js'

export interface InboundCall {
  /** The parsed JSON body (POST) — validate it, it comes from another system. */
  body: unknown
  /** Query string parameters (GET). */
  query: Record<string, unknown>
  /** The calling system as registered in 接入系统. */
  client: { id: number; code: string; name: string }
  /** The caller's language for field messages (Accept-Language; zh-CN first). */
  locale: 'zh-CN' | 'en'
}

/** What a handler answers: HTTP status (default 200) and the JSON body. */
export interface InboundAnswer {
  status?: number
  body: unknown
}

export type InboundHandler = (call: InboundCall) => Promise<InboundAnswer>

export interface InboundInterfaceDefinition {
  /** Kebab-case, unique within the plugin; the full code is `<plugin id>.<code>`. */
  code: string
  name: Localized
  description?: Localized
  method: 'GET' | 'POST'
  /** The systems it is meant for (documentation; the grant decides). */
  intendedFor?: string[]
  /** JSON Schemas for the OpenAPI document and the 接口测试 sample payload. */
  request?: Record<string, unknown>
  response?: Record<string, unknown>
  handler: () => Promise<{ default: InboundHandler }>
}
