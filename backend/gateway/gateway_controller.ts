import type { HttpContext } from '@adonisjs/core/http'
import { audit } from '#core/audit/audit'
import { settings } from '#core/settings/settings'
import { refuseUnknownFields } from '#core/validation/unknown_fields'
import { isDuplicateKey } from '#core/db/db_errors'
import { gatewayClients, interfaceSwitches } from './clients.js'
import { inboundRegistry } from './inbound_registry.js'
import { listGatewayCalls } from './call_log.js'
import { gatewayOpenApi } from './openapi.js'
import {
  callsValidator,
  createClientValidator,
  switchValidator,
  updateClientValidator,
} from './validators.js'

const CLIENT_FIELDS = ['code', 'name', 'rateLimitPerMinute', 'enabled', 'remark', 'grants']

/** What the audit keeps of a client: never its secret. */
const trail = (c: {
  code: string
  name: string
  enabled: boolean
  rateLimitPerMinute: number
  grants: string[]
}) => ({
  code: c.code,
  name: c.name,
  enabled: c.enabled,
  rateLimitPerMinute: c.rateLimitPerMinute,
  grants: c.grants.join(','),
})

function invalid(ctx: HttpContext, field: string, rule: string, key: string) {
  return ctx.response.unprocessableEntity({
    message: ctx.i18n('validation.failed'),
    errors: [{ field, rule, message: ctx.i18n(key) }],
  })
}

async function unknownGrants(grants: string[] | undefined) {
  if (!grants) return []
  const known = new Set((await inboundRegistry.list()).map((i) => i.code))
  return grants.filter((g) => !known.has(g))
}

/**
 * 接入网关 administration (/api/system/gateway): the calling systems (credentials,
 * grants, open/close, rate limit), the inbound interfaces and their switches,
 * the call log and the OpenAPI document. Every change is audited.
 */
export default class GatewayController {
  async clients() {
    return { data: await gatewayClients.list() }
  }

  async createClient(ctx: HttpContext) {
    refuseUnknownFields(ctx, CLIENT_FIELDS)
    const input = await ctx.request.validateUsing(createClientValidator)
    if ((await unknownGrants(input.grants)).length)
      return invalid(ctx, 'grants', 'exists', 'gateway.unknownInterface')
    try {
      const { client, secret } = await gatewayClients.create(input)
      await audit.record(ctx, {
        action: 'gateway.client.create',
        entityType: 'gateway_client',
        entityId: client.id,
        after: trail(client),
      })
      return ctx.response.created({ client, secret })
    } catch (error) {
      if (isDuplicateKey(error)) return invalid(ctx, 'code', 'unique', 'gateway.codeTaken')
      throw error
    }
  }

  async updateClient(ctx: HttpContext) {
    refuseUnknownFields(
      ctx,
      CLIENT_FIELDS.filter((f) => f !== 'code')
    )
    const id = Number(ctx.params.id)
    const before = await gatewayClients.find(id)
    if (!before) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    const input = await ctx.request.validateUsing(updateClientValidator)
    if ((await unknownGrants(input.grants)).length)
      return invalid(ctx, 'grants', 'exists', 'gateway.unknownInterface')
    const after = (await gatewayClients.update(id, input))!
    await audit.record(ctx, {
      action: 'gateway.client.update',
      entityType: 'gateway_client',
      entityId: id,
      before: trail(before),
      after: trail(after),
    })
    return after
  }

  async rotate(ctx: HttpContext) {
    refuseUnknownFields(ctx, [])
    const id = Number(ctx.params.id)
    const grace = await settings.integer('system.gateway.rotationGraceHours').catch(() => 24)
    const rotated = await gatewayClients.rotate(id, Math.max(0, grace))
    if (!rotated) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    await audit.record(ctx, {
      action: 'gateway.client.rotate',
      entityType: 'gateway_client',
      entityId: id,
      detail: `grace ${grace}h`,
    })
    return rotated
  }

  async interfaces() {
    const closed = await interfaceSwitches.closed()
    const clients = await gatewayClients.list()
    return {
      data: (await inboundRegistry.list()).map((i) => ({
        code: i.code,
        plugin: i.pluginId,
        name: i.definition.name,
        description: i.definition.description ?? null,
        method: i.definition.method,
        path: i.path,
        intendedFor: i.definition.intendedFor ?? [],
        enabled: !closed.has(i.code),
        grantedTo: clients.filter((c) => c.grants.includes(i.code)).map((c) => c.code),
        request: i.definition.request ?? null,
        response: i.definition.response ?? null,
      })),
    }
  }

  async switchInterface(ctx: HttpContext) {
    refuseUnknownFields(ctx, ['enabled'])
    const code = String(ctx.params.code)
    if (!(await inboundRegistry.find(code)))
      return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    const { enabled } = await ctx.request.validateUsing(switchValidator)
    const before = await interfaceSwitches.isOpen(code)
    await interfaceSwitches.set(code, enabled)
    await audit.record(ctx, {
      action: 'gateway.interface.switch',
      entityType: 'gateway_interface',
      entityId: code,
      before: { enabled: before },
      after: { enabled },
    })
    return { code, enabled }
  }

  async calls(ctx: HttpContext) {
    const filters = await callsValidator.validate(ctx.request.qs())
    return listGatewayCalls(filters)
  }

  async openapi(ctx: HttpContext) {
    return gatewayOpenApi(ctx.locale)
  }
}
