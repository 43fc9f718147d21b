/* Inputs of the 法律文书 routes (zh-CN / en labels for the 422 messages). */
import vine from '@vinejs/vine'
import { LocalizedMessagesProvider } from '#core/i18n/validation_messages'
import { DOCUMENT_KIND_CODES } from '../documents/kinds.js'

Object.assign(LocalizedMessagesProvider.extraLabels['zh-CN'], {
  caseId: '案件',
  html: '文书内容',
  note: '版本说明',
  baseVersion: '编辑所依据的版本',
  body: '模板内容',
  version: '版本',
})
Object.assign(LocalizedMessagesProvider.extraLabels.en, {
  caseId: 'case',
  html: 'text',
  note: 'version note',
  baseVersion: 'base version',
  body: 'template',
  version: 'version',
})

const id = () => vine.number().withoutDecimals().min(1).max(2_147_483_647)

export const applyDocumentValidator = vine.compile(
  vine.object({ caseId: id(), kind: vine.enum(DOCUMENT_KIND_CODES) })
)

export const saveDocumentValidator = vine.compile(
  vine.object({
    html: vine.string().minLength(1).maxLength(500_000),
    note: vine.string().trim().maxLength(500).nullable().optional(),
    baseVersion: id(),
  })
)

export const documentListValidator = vine.compile(
  vine.object({
    caseId: id().optional(),
    kind: vine.enum(DOCUMENT_KIND_CODES).optional(),
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().range([1, 200]).optional(),
  })
)

export const versionQueryValidator = vine.compile(
  vine.object({ version: id().optional(), inline: vine.enum(['0', '1']).optional() })
)

export const saveTemplateValidator = vine.compile(
  vine.object({
    body: vine.string().minLength(1).maxLength(200_000),
    remark: vine.string().trim().maxLength(500).nullable().optional(),
    baseVersion: vine.number().withoutDecimals().min(0),
  })
)
