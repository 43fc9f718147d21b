import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import { audit } from '#core/audit/audit'
import { connectorRegistry } from '#core/connectors/registry'
import { findSystemRow } from '#core/connectors/connector_store'
import { refuseUnknownFields } from '#core/validation/unknown_fields'
import { samplePayload } from './sample_payload.js'
import { inboundRegistry } from '#core/gateway/inbound_registry'
import { GATEWAY_SYSTEM } from './run_inbound_test.js'
import { InterfaceTestRefused, runInterfaceTest } from './run_interface_test.js'
import { caseValidator, runValidator, suiteValidator } from './interface_test_validator.js'
import { deleteCase, findCase, listCases, runSuite, saveCase } from './test_cases.js'

const LOOPBACK = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/i

/** 422 on the interface field: an unknown or inbound interface, or money outside the simulator. */
function refused(ctx: HttpContext, error: InterfaceTestRefused) {
  return ctx.response.unprocessableEntity({
    message: ctx.i18n('validation.failed'),
    errors: [
      { field: 'interface', rule: error.code, message: ctx.i18n(`interfaceTest.${error.code}`) },
    ],
  })
}

/**
 * 接口测试 (/api/system/interface-tests): the outbound interfaces with their schemas
 * and a sample payload, single runs, saved cases and suite runs. Runs are audited.
 */
export default class InterfaceTestsController {
  async interfaces() {
    const today = DateTime.now().setZone('Asia/Shanghai').toISODate()!
    const out = []
    for (const system of connectorRegistry.all()) {
      const row = await findSystemRow(system.code)
      for (const iface of system.interfaces.filter((i) => i.direction === 'outbound'))
        out.push({
          system: system.code,
          systemName: system.name,
          interface: iface.code,
          name: iface.name,
          method: iface.method,
          path: iface.path,
          moneyChanging: Boolean(iface.moneyChanging),
          // Postings run against the simulator only (run_interface_test.ts).
          runnable: !iface.moneyChanging || LOOPBACK.test(row?.baseUrl ?? ''),
          baseUrl: row?.baseUrl ?? null,
          request: iface.request ?? null,
          response: iface.response ?? null,
          sample: samplePayload(iface.request, today),
        })
    }
    // 接入接口: run through the API gateway with a granted system's signed request.
    for (const i of await inboundRegistry.list())
      out.push({
        system: GATEWAY_SYSTEM,
        systemName: { zh: '接入网关', en: 'API gateway' },
        interface: i.code,
        name: i.definition.name,
        method: i.definition.method,
        path: i.path,
        moneyChanging: false,
        runnable: true,
        baseUrl: null,
        request: i.definition.request ?? null,
        response: i.definition.response ?? null,
        sample: samplePayload(i.definition.request, today),
      })
    return { data: out }
  }

  async run(ctx: HttpContext) {
    refuseUnknownFields(ctx, ['system', 'interface', 'payload'])
    const input = await ctx.request.validateUsing(runValidator)
    try {
      const result = await runInterfaceTest(input.system, input.interface, input.payload ?? null)
      await audit.record(ctx, {
        action: 'interface_test.run',
        entityType: 'connector_interface',
        entityId: `${input.system}.${input.interface}`,
        result: result.ok ? 'success' : 'failure',
        detail: result.correlationId,
      })
      return result
    } catch (error) {
      if (error instanceof InterfaceTestRefused) return refused(ctx, error)
      throw error
    }
  }

  async cases(ctx: HttpContext) {
    const system = ctx.request.input('system')
    return { data: await listCases(typeof system === 'string' && system ? system : undefined) }
  }

  async createCase(ctx: HttpContext) {
    return this.save(ctx)
  }

  async updateCase(ctx: HttpContext) {
    const id = Number(ctx.params.id)
    if (!(await findCase(id))) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    return this.save(ctx, id)
  }

  private async save(ctx: HttpContext, id?: number) {
    refuseUnknownFields(ctx, ['name', 'system', 'interface', 'payload', 'expect'])
    const input = await ctx.request.validateUsing(caseValidator)
    if (input.system === GATEWAY_SYSTEM) {
      if (!(await inboundRegistry.find(input.interface)))
        return refused(ctx, new InterfaceTestRefused('unknown'))
    } else {
      const definition = connectorRegistry.interface(input.system, input.interface)
      if (!definition || definition.direction !== 'outbound')
        return refused(ctx, new InterfaceTestRefused(definition ? 'inbound' : 'unknown'))
    }
    const saved = await saveCase(
      { ...input, payload: input.payload ?? null },
      ctx.auth.user!.id,
      id
    )
    await audit.record(ctx, {
      action: id ? 'interface_test.case.update' : 'interface_test.case.create',
      entityType: 'interface_test_case',
      entityId: saved.id,
      after: { name: saved.name, system: saved.system, interface: saved.interface },
    })
    return ctx.response.status(id ? 200 : 201).send(saved)
  }

  async deleteCase(ctx: HttpContext) {
    const id = Number(ctx.params.id)
    const existing = await findCase(id)
    if (!existing) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    await deleteCase(id)
    await audit.record(ctx, {
      action: 'interface_test.case.delete',
      entityType: 'interface_test_case',
      entityId: id,
      before: { name: existing.name, system: existing.system, interface: existing.interface },
    })
    return ctx.response.noContent()
  }

  async suite(ctx: HttpContext) {
    refuseUnknownFields(ctx, ['systems'])
    const { systems } = await ctx.request.validateUsing(suiteValidator)
    const report = await runSuite(systems)
    await audit.record(ctx, {
      action: 'interface_test.suite',
      entityType: 'interface_test_suite',
      result: report.failed ? 'failure' : 'success',
      detail: `${report.passed}/${report.total} passed`,
    })
    return report
  }
}
