import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { accessOf } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import { queue } from '#core/queue/queue'
import { settings } from '#core/settings/settings'
import Org from '#core/organization/org'
import type { RegisteredLedger } from '#core/ledgers/registry'
import { ledgerValidator, PRINT_MAX_ROWS, toLedgerInput } from '#core/ledgers/ledger_input'
import { describeLedger, ledgerTotals, listLedgerRows } from '#core/ledgers/ledger_rows'
import { LEDGER_EXPORT_JOB, type LedgerExportPayload } from '#core/ledgers/export_job'
import { dbNow } from '#core/db/db_time'

/**
 * 台账: one controller for every ledger. The route (start/routes/ledgers.ts)
 * has already checked the ledger's own permission code, which the data scope
 * then follows.
 */
export default class LedgersController {
  async show(ctx: HttpContext, ledger: RegisteredLedger) {
    // An org filter picks from the org tree (names only: the rows stay data-scoped).
    const hasOrgFilter = (ledger.filters ?? []).some((f) => f.type === 'org')
    const orgs = hasOrgFilter
      ? await db
          .from('orgs')
          .where('status', 'active')
          .orderBy('path')
          .orderBy('sort')
          .select('id', 'name', 'parent_id')
      : []
    return {
      ...describeLedger(ledger, await accessOf(ctx)),
      orgs: orgs.map((o) => ({ id: o.id, name: o.name, parentId: o.parent_id })),
      asOfDates: ledger.asOf && ledger.asOfDates ? await ledger.asOfDates({ db }) : null,
    }
  }

  async rows(ctx: HttpContext, ledger: RegisteredLedger) {
    const raw = await ctx.request.validateUsing(ledgerValidator(ledger))
    const perPage = raw.perPage ?? (await settings.integer('system.page.defaultSize'))
    return listLedgerRows(ledger, toLedgerInput(ledger, raw), await accessOf(ctx), perPage)
  }

  async totals(ctx: HttpContext, ledger: RegisteredLedger) {
    const raw = await ctx.request.validateUsing(ledgerValidator(ledger))
    return ledgerTotals(ledger, toLedgerInput(ledger, raw), await accessOf(ctx))
  }

  /** The print view (A4 landscape): up to PRINT_MAX_ROWS rows plus the page header's facts. */
  async print(ctx: HttpContext, ledger: RegisteredLedger) {
    const raw = await ctx.request.validateUsing(ledgerValidator(ledger, 'print'))
    // From the first row, whatever page the screen was on (no cursor).
    const input = {
      ...toLedgerInput(ledger, raw),
      page: 1,
      perPage: PRINT_MAX_ROWS,
      after: undefined,
      before: undefined,
    }
    const access = await accessOf(ctx)
    const [result, summary] = await Promise.all([
      listLedgerRows(ledger, input, access),
      ledgerTotals(ledger, input, access),
    ])
    const user = ctx.auth.user!
    const org = await Org.find(user.orgId)
    await audit.record(ctx, {
      action: 'ledger.print',
      entityType: 'ledger',
      entityId: ledger.id,
      after: { ...input.filters, asOf: result.meta.asOf, rows: result.data.length },
    })
    return {
      ...result,
      meta: { ...result.meta, totals: summary.totals },
      header: {
        bankName: await settings.string('system.bank.name'),
        orgName: org?.name ?? null,
        userName: user.realName || user.username,
        printedAt: dbNow(),
      },
      truncated: result.meta.total > result.data.length,
    }
  }

  /** Queues the xlsx export; the console polls GET /api/jobs/:id, then downloads. */
  async export(ctx: HttpContext, ledger: RegisteredLedger) {
    const raw = await ctx.request.validateUsing(ledgerValidator(ledger, 'print'))
    const input = toLedgerInput(ledger, raw)
    const payload: LedgerExportPayload = { ledgerId: ledger.id, input, locale: ctx.locale }
    const jobId = await queue.dispatch(LEDGER_EXPORT_JOB, payload, { userId: ctx.auth.user!.id })
    // Taking a ledger out of the system is an audited action.
    await audit.record(ctx, {
      action: 'ledger.export',
      entityType: 'ledger',
      entityId: ledger.id,
      after: { ...input.filters, asOf: input.asOf ?? null, jobId },
    })
    return ctx.response.accepted({ jobId })
  }
}
