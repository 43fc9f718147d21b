import type { HttpContext } from '@adonisjs/core/http'
import { timingSafeEqual } from 'node:crypto'
import { access as fsAccess } from 'node:fs/promises'
import vine from '@vinejs/vine'
import { sendDownload, XLSX_TYPE } from '#core/security/downloads'
import { exportPath } from '#core/audit/export_files'
import { jobRuns } from '#core/queue/job_runs'
import type { XlsxExportResult } from '#core/exports/xlsx_export'

const downloadValidator = vine.compile(
  vine.object({ token: vine.string().regex(/^[0-9a-f]{64}$/) })
)

/**
 * Downloads the file of any finished export job (writeXlsxExport). Only the
 * user who started the job, holding the token from its result, gets the file:
 * the permission and data scope were checked when the export was queued and
 * again when it ran, so the file holds only what that user may see.
 */
export default class ExportsController {
  async download(ctx: HttpContext) {
    const { token } = await ctx.request.validateUsing(downloadValidator)
    const notReady = () => ctx.response.notFound({ message: ctx.i18n('ledgers.export.notReady') })
    const run = await jobRuns.find(String(ctx.params.jobId))
    if (!run || run.userId !== ctx.auth.user!.id || run.status !== 'completed') return notReady()
    const result = run.result as XlsxExportResult | null
    if (!result?.token || !result.fileName) return notReady()
    const expected = Buffer.from(result.token)
    const given = Buffer.from(token)
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return notReady()
    const file = exportPath(result.token)
    try {
      await fsAccess(file)
    } catch {
      return notReady()
    }
    await sendDownload(ctx, {
      absolutePath: file,
      fileName: result.fileName,
      contentType: XLSX_TYPE,
      entityType: `job:${run.name}`,
      entityId: run.id,
    })
  }
}
