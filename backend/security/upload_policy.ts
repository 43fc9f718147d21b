/*
| Upload allow-list and size limit (参数 system.security.uploadTypes / uploadMaxMb),
| checked on the bytes: a refused file answers 422 with a message saying why.
*/
import path from 'node:path'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import { settings } from '#core/settings/settings'
import { kindOf, sniffFile } from './file_sniff.js'

const DEFAULT_TYPES = ['pdf', 'png', 'jpg', 'jpeg', 'doc', 'docx', 'xls', 'xlsx', 'txt', 'zip']

/* Old Office files are one container (CFB) and some tools write .docx/.xlsx as a plain zip. */
const CONTAINER_OF: Record<string, { container: string; mime: string }> = {
  doc: { container: 'cfb', mime: 'application/msword' },
  xls: { container: 'cfb', mime: 'application/vnd.ms-excel' },
  docx: {
    container: 'zip',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  xlsx: {
    container: 'zip',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
}

export class UploadRefused extends Error {
  constructor(
    readonly key: string,
    readonly data: Record<string, string | number> = {}
  ) {
    super(key)
  }
}

export async function uploadLimits() {
  const mb = await settings.integer('system.security.uploadMaxMb').catch(() => 20)
  const types = await settings.json<string[]>('system.security.uploadTypes').catch(() => null)
  const extensions = (Array.isArray(types) && types.length ? types : DEFAULT_TYPES).map((t) =>
    String(t).toLowerCase()
  )
  return { maxBytes: Math.max(1, mb) * 1024 * 1024, maxMb: mb, extensions }
}

/**
 * Checks a received file against the limits and its content; returns the content
 * type to store (the detected one), or throws UploadRefused. `extensions` narrows
 * the allow-list for one caller (an import that reads only xlsx); `sniff: false` skips
 * the content check for a file that is parsed, never stored or served (the import
 * then refuses what it cannot read).
 */
export async function checkUpload(
  file: MultipartFile | null,
  options: { extensions?: string[]; sniff?: boolean } = {}
): Promise<string> {
  const policy = await uploadLimits()
  const limits = options.extensions ? { ...policy, extensions: options.extensions } : policy
  const allowed = limits.extensions.join(', ')
  if (!file?.tmpPath) throw new UploadRefused('security.fileTypeRefused', { types: allowed })
  if (file.size > limits.maxBytes || file.errors.some((e) => e.type === 'size')) {
    throw new UploadRefused('security.fileTooLarge', { max: limits.maxMb })
  }
  const ext = path.extname(file.clientName).slice(1).toLowerCase()
  if (!limits.extensions.includes(ext)) {
    throw new UploadRefused('security.fileTypeRefused', { types: allowed })
  }
  if (options.sniff === false) return CONTAINER_OF[ext]?.mime ?? 'application/octet-stream'
  const sniffed = await sniffFile(file.tmpPath, ext)
  if (!sniffed) throw new UploadRefused('security.fileTypeRefused', { types: allowed })
  if (sniffed.ext === kindOf(ext)) return sniffed.mime
  const container = CONTAINER_OF[ext]
  if (container && container.container === sniffed.ext) return container.mime
  throw new UploadRefused('security.fileTypeMismatch', { detected: sniffed.ext, ext })
}
