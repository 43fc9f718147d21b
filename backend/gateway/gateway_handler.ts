/*
| The API gateway (接入网关): every inbound call at /gateway/v1/<plugin>/<code>
| passes, in this order —
|   interface known → signed (4 headers) → key known → timestamp within ±5 min
|   → signature right (constant-time; current or, during a rotation's grace,
|   previous secret) → nonce never seen (claimed only after the signature is
|   right, so a forger cannot burn a partner's nonces; refused while the store
|   is down) → system open → interface open → granted → method → rate limit
|   (per system, sliding minute) → the plugin's handler.
| Each refusal has its own code and is logged with its outcome; the answer to a
| bad signature does not say which part was wrong.
*/
import type { HttpContext } from '@adonisjs/core/http'
import { errors as vineErrors } from '@vinejs/vine'
import logger from '@adonisjs/core/services/logger'
import { allow, claimOnce } from '#core/identity/rate_limit'
import { SensitiveDecryptError } from '#core/security/sensitive/index'
import { inboundRegistry, type InboundInterface } from './inbound_registry.js'
import { gatewayClients, interfaceSwitches, isGranted } from './clients.js'
import { CLOCK_WINDOW_SECONDS, NONCE, signatureMatches, timestampFresh } from './signature.js'
import { logGatewayCall, type GatewayOutcome } from './call_log.js'

const REFUSALS: Record<Exclude<GatewayOutcome, 'ok' | 'invalid' | 'error'>, number> = {
  not_found: 404,
  unsigned: 401,
  unknown_key: 401,
  bad_signature: 401,
  expired: 401,
  replayed: 401,
  closed: 403,
  interface_closed: 403,
  forbidden: 403,
  rate_limited: 429,
}

export async function handleGatewayCall(ctx: HttpContext) {
  const { request, response } = ctx
  const started = new Date()
  const t0 = performance.now()
  const method = request.method()
  const path = request.url(true)
  const keyId = request.header('x-gateway-key') ?? null
  const nonce = request.header('x-gateway-nonce') ?? null
  const raw = request.raw() ?? ''
  const body = method === 'GET' ? request.qs() : request.body()
  let iface: InboundInterface | undefined
  let client: { id: number; code: string; name: string } | null = null

  const finish = async (outcome: GatewayOutcome, status: number, answer: unknown) => {
    await logGatewayCall({
      clientId: client?.id,
      clientCode: client?.code,
      keyId,
      interfaceCode: iface?.code ?? null,
      method,
      path,
      nonce: nonce && NONCE.test(nonce) ? nonce : null,
      ip: request.ip(),
      outcome,
      httpStatus: status,
      startedAt: started,
      durationMs: performance.now() - t0,
      request: body,
      response: answer,
    })
    return response.status(status).send(answer)
  }
  const refuse = (outcome: keyof typeof REFUSALS) =>
    finish(outcome, REFUSALS[outcome], {
      code: outcome.toUpperCase(),
      message: ctx.i18n(`gateway.${outcome}`),
    })

  iface = await inboundRegistry.find(`${ctx.params.plugin}.${ctx.params.code}`)
  if (!iface) return refuse('not_found')

  const timestamp = request.header('x-gateway-timestamp') ?? ''
  const signature = request.header('x-gateway-signature') ?? ''
  if (!keyId || !timestamp || !nonce || !signature || !NONCE.test(nonce)) return refuse('unsigned')
  let credentials: Awaited<ReturnType<typeof gatewayClients.credentials>>
  try {
    credentials = await gatewayClients.credentials(keyId)
  } catch (error) {
    if (!(error instanceof SensitiveDecryptError)) throw error
    logger.error({ keyId }, 'gateway secret cannot be decrypted (APP_KEY changed?)')
    credentials = null
  }
  if (!credentials) return refuse('unknown_key')
  client = {
    id: Number(credentials.row.id),
    code: credentials.row.code,
    name: credentials.row.name,
  }
  if (!timestampFresh(timestamp)) return refuse('expired')
  const parts = { method, path, timestamp, nonce, body: raw }
  if (!credentials.secrets.some((secret) => signatureMatches(secret, parts, signature)))
    return refuse('bad_signature')
  if (!(await claimOnce(`gw-nonce:${keyId}:${nonce}`, 2 * CLOCK_WINDOW_SECONDS + 5)))
    return refuse('replayed')
  if (!credentials.row.enabled) return refuse('closed')
  if (!(await interfaceSwitches.isOpen(iface.code))) return refuse('interface_closed')
  if (!(await isGranted(client.id, iface.code))) return refuse('forbidden')
  if (iface.definition.method !== method) return refuse('not_found')
  const limit = Number(credentials.row.rate_limit_per_minute)
  if (!(await allow(`gw:${client.code}`, limit, 60))) return refuse('rate_limited')

  try {
    const handler = (await iface.definition.handler()).default
    const answer = await handler({
      body,
      query: request.qs(),
      client,
      locale: ctx.locale === 'en' ? 'en' : 'zh-CN',
    })
    const status = answer.status ?? 200
    return finish(status < 400 ? 'ok' : 'invalid', status, answer.body)
  } catch (error) {
    if (error instanceof vineErrors.E_VALIDATION_ERROR)
      return finish('invalid', 422, {
        code: 'INVALID',
        message: ctx.i18n('validation.failed'),
        errors: error.messages,
      })
    logger.error({ err: error, iface: iface.code }, 'inbound interface failed')
    return finish('error', 500, { code: 'ERROR', message: ctx.i18n('http.serverError') })
  }
}
