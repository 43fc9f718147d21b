/*
| Receiving an uploaded file: the one place a controller takes the multipart field,
| holds it to the upload policy (upload_policy.ts: size, allow-list, content) and
| logs a refusal to 安全日志. It answers nothing itself: callers answer in their own
| shape (a RuleError, their plugin's error, a field message), so their statuses
| and texts stay theirs; the refusal carries the policy's message ready to show.
*/
import type { HttpContext } from '@adonisjs/core/http'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import { checkUpload, uploadLimits, UploadRefused } from './upload_policy.js'
import { securityLog } from './security_log.js'

export interface UploadCheckOptions {
  /** The multipart field; 'file' unless told. */
  field?: string
  /** Where a refused file is logged (security.upload_refused); omitted: not logged. */
  log?: { entityType: string; entityId: string | number }
  /** A missing file is the caller's refusal (`missing: true`, not logged) instead of the policy's. */
  required?: boolean
  /** Narrower than the policy's allow-list (e.g. ['xlsx'] for an import); still content-checked. */
  extensions?: string[]
  /** false: size and extension only, for a file parsed and dropped (an import), never stored. */
  sniff?: boolean
}

export type UploadCheck =
  | { ok: true; file: MultipartFile; contentType: string }
  | {
      ok: false
      /** No file in the request (only with `required`). */
      missing: boolean
      file: MultipartFile | null
      /** The policy's message key and values (security.fileTooLarge …), and its text in the caller's language. */
      key: string
      data: Record<string, string | number>
      message: string
    }

/** Takes and checks the upload; never throws for a refused file (see UploadCheck). */
export async function receiveUpload(
  ctx: HttpContext,
  options: UploadCheckOptions = {}
): Promise<UploadCheck> {
  const file = ctx.request.file(options.field ?? 'file', {
    size: (await uploadLimits()).maxBytes,
  })
  if (!file && options.required)
    return { ok: false, missing: true, file: null, key: 'required', data: {}, message: '' }
  try {
    const contentType = await checkUpload(file, {
      extensions: options.extensions,
      sniff: options.sniff,
    })
    return { ok: true, file: file!, contentType }
  } catch (error) {
    if (!(error instanceof UploadRefused)) throw error
    if (options.log)
      await securityLog.denied(ctx, 'security.upload_refused', {
        ...options.log,
        detail: `${file?.clientName.slice(0, 100) ?? '-'}: ${error.key}`,
      })
    return {
      ok: false,
      missing: false,
      file,
      key: error.key,
      data: error.data,
      message: ctx.i18n(error.key, error.data),
    }
  }
}
