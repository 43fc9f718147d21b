/*
| Every file the API hands out (attachments, exports) goes through here: the
| stored, sniff-checked type or application/octet-stream — never a type guessed
| from a stored name without extension (that was `Content-Type: false`) —,
| `Content-Disposition: attachment` with the RFC 5987 `filename*` for Chinese
| names, nosniff, and a 安全日志 row.
*/
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { HttpContext } from '@adonisjs/core/http'
import { securityLog } from './security_log.js'

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/* Types a download may carry as stored; anything else is sent as opaque bytes. */
const SAFE_TYPES = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'application/msword',
  'application/vnd.ms-excel',
  'application/x-cfb',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/zip',
  'text/plain; charset=utf-8',
  'text/csv; charset=utf-8',
])

export const safeContentType = (stored: string | null | undefined) =>
  stored && SAFE_TYPES.has(stored) ? stored : 'application/octet-stream'

/** `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded>` (RFC 6266 / 5987). */
export function attachmentDisposition(fileName: string) {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_')
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  )
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`
}

export async function sendDownload(
  ctx: HttpContext,
  file: {
    absolutePath: string
    fileName: string
    contentType: string | null
    entityType: string
    entityId: string | number
  }
) {
  const stats = await stat(file.absolutePath).catch(() => null)
  if (!stats?.isFile()) {
    return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
  }
  await securityLog.download(ctx, {
    entityType: file.entityType,
    entityId: file.entityId,
    detail: file.fileName,
  })
  ctx.response
    .header('Content-Type', safeContentType(file.contentType))
    .header('Content-Disposition', attachmentDisposition(file.fileName))
    .header('X-Content-Type-Options', 'nosniff')
    .header('Content-Length', String(stats.size))
  ctx.response.stream(createReadStream(file.absolutePath))
}
