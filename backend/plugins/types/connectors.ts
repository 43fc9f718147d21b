/*
| External systems and their interfaces (服务管理) a plugin talks to; registered
| with the core connectors at boot.
*/
import type { Localized } from './common.js'

/** An interface of an external system (服务管理): one endpoint we call or that calls us. */
export interface ConnectorInterfaceDefinition {
  /** Unique within its system, e.g. `posting`. */
  code: string
  name: Localized
  /** outbound: we call it; inbound: it calls us (listed and documented only). */
  direction: 'inbound' | 'outbound'
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** Path appended to the system's base URL, e.g. `/postings`. */
  path: string
  /** Changes money in the other system: must go through the outbox (never a direct call). */
  moneyChanging?: boolean
  /** Per-attempt timeout (default 5000 ms). */
  timeoutMs?: number
  /** Retries after the first attempt, for idempotent or idempotency-keyed calls only (default 2). */
  retries?: number
  /** JSON Schemas of the request and response bodies, for the OpenAPI description. */
  request?: Record<string, unknown>
  response?: Record<string, unknown>
  /** The system also takes many of these calls in one request; the outbox uses it (see below). */
  batch?: ConnectorBatchDefinition
}

/**
 * A batch endpoint for an outbound, idempotency-keyed interface (postings): one
 * HTTP request carries many items, each with its own idempotency key, and the
 * answer carries one result per item, so one refused item does not fail the
 * others. Request body: `{ items: [{ idempotencyKey, body }] }` (same method as
 * the interface). Answer (2xx): per item `{ idempotencyKey, status, body }` —
 * `status` is what the single call would have answered (2xx applied or already
 * applied under that key, 4xx refused, 5xx failed: try again).
 */
export interface ConnectorBatchDefinition {
  /** Path appended to the system's base URL, e.g. `/postings/batch`. */
  path: string
  /** Most items the system takes in one request. */
  maxItems: number
  /** Where the per-item results are in the answer body (default `body.results`). */
  results?: (body: unknown) => unknown
}

/** An external system (核心系统, 信贷系统, 影像平台…) and its interfaces. */
export interface ConnectorSystemDefinition {
  /** Stable code, unique across the system, e.g. `core-banking`. */
  code: string
  name: Localized
  /** Who runs it (the owning department or vendor), shown in 服务管理. */
  owner: string
  /** Base URL used until an administrator sets one in 服务管理. */
  defaultBaseUrl?: string
  /** Path of a GET health probe (default `/health`). */
  healthPath?: string
  /** Circuit breaker: opens after this many consecutive failures (default 5) for `halfOpenAfterMs` (default 30 s). */
  breaker?: { consecutiveFailures?: number; halfOpenAfterMs?: number }
  interfaces: ConnectorInterfaceDefinition[]
}

/** Interfaces a plugin adds to a system another plugin defines (its plugin in `dependsOn`). */
export interface ConnectorExtensionDefinition {
  /** The code of the extended system, e.g. `data-platform`. */
  system: string
  interfaces: ConnectorInterfaceDefinition[]
}
