import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { audit } from '#core/audit/audit'
import { dbNow } from '#core/db/db_time'
import { connectorRegistry } from '#core/connectors/registry'
import { findSystemRow, syncConnectors } from '#core/connectors/connector_store'
import { resetBreaker } from '#core/connectors/breakers'
import { connectorOverview } from '#core/connectors/overview'
import { checkSystem } from '#core/connectors/health_check'
import { listCalls } from '#core/connectors/call_query'
import { openApiDocument } from '#core/connectors/openapi'
import {
  callListValidator,
  interfaceUpdateValidator,
  systemUpdateValidator,
} from '#core/connectors/validators'

/**
 * 服务管理 (/api/system/connectors, `system:connector:*`): the external systems,
 * their switches and health, the call log and the OpenAPI description. Every
 * switch and address change is audited.
 */
export default class ConnectorsController {
  async index(ctx: HttpContext) {
    return { data: await connectorOverview(ctx.locale) }
  }

  async update(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(systemUpdateValidator)
    const code = ctx.params.code
    const before = connectorRegistry.has(code) ? await findSystemRow(code) : null
    if (!before) return ctx.response.notFound({ message: ctx.i18n('connectors.unknownSystem') })
    const change: Record<string, unknown> = {}
    if (input.enabled !== undefined) change.enabled = input.enabled
    if (input.baseUrl !== undefined) change.base_url = input.baseUrl || null
    if (Object.keys(change).length)
      await db
        .from('connector_systems')
        .where('code', code)
        .update({ ...change, updated_at: dbNow() })
    // Re-enabled or re-addressed: start with a fresh breaker rather than the old failures.
    if (input.baseUrl !== undefined || input.enabled === true) resetBreaker(code)
    const after = await findSystemRow(code)
    await audit.record(ctx, {
      action: 'connector.update',
      entityType: 'connector_system',
      entityId: code,
      before: { enabled: before.enabled, baseUrl: before.baseUrl },
      after: { enabled: after!.enabled, baseUrl: after!.baseUrl },
    })
    return after
  }

  async updateInterface(ctx: HttpContext) {
    const { enabled } = await ctx.request.validateUsing(interfaceUpdateValidator)
    const { code, iface } = ctx.params
    if (!connectorRegistry.interface(code, iface))
      return ctx.response.notFound({ message: ctx.i18n('connectors.unknownInterface') })
    await syncConnectors()
    const before = await db
      .from('connector_interfaces')
      .where('system_code', code)
      .where('code', iface)
      .first()
    await db
      .from('connector_interfaces')
      .where('system_code', code)
      .where('code', iface)
      .update({ enabled, updated_at: dbNow() })
    await audit.record(ctx, {
      action: 'connector.interface.update',
      entityType: 'connector_interface',
      entityId: `${code}.${iface}`,
      before: { enabled: Boolean(before?.enabled) },
      after: { enabled },
    })
    return { system: code, code: iface, enabled }
  }

  async check(ctx: HttpContext) {
    const code = ctx.params.code
    if (!connectorRegistry.has(code))
      return ctx.response.notFound({ message: ctx.i18n('connectors.unknownSystem') })
    const result = await checkSystem(code)
    await audit.record(ctx, {
      action: 'connector.check',
      entityType: 'connector_system',
      entityId: code,
      result: result?.status === 'up' ? 'success' : 'failure',
      detail: result?.error ?? null,
    })
    return result
  }

  async calls(ctx: HttpContext) {
    return listCalls(await ctx.request.validateUsing(callListValidator, { data: ctx.request.qs() }))
  }

  async openapi(ctx: HttpContext) {
    return openApiDocument(ctx.locale)
  }
}
