/* Query of the core record pickers (机构 tree, 用户) used by the console's forms. */
import vine from '@vinejs/vine'
import { LocalizedMessagesProvider } from '#core/i18n/validation_messages'

Object.assign(LocalizedMessagesProvider.extraLabels['zh-CN'], {
  recordOrgId: '记录所属机构',
  recordOwnerId: '记录管户人',
  permission: '权限',
})
Object.assign(LocalizedMessagesProvider.extraLabels.en, {
  recordOrgId: "record's organisation",
  recordOwnerId: "record's owner",
  permission: 'permission',
})

/** Comma-separated ids of a form's current value (to label them), at most 50. */
const idList = () =>
  vine
    .string()
    .regex(/^[1-9]\d{0,15}(,[1-9]\d{0,15}){0,49}$/)
    .optional()

export const orgPickerValidator = vine.compile(
  vine.object({
    /** mine (default): orgs in the caller's data scope; all: every active org (filters). */
    scope: vine.enum(['mine', 'all']).optional(),
  })
)

export const userPickerValidator = vine.compile(
  vine.object({
    keyword: vine.string().trim().maxLength(100).optional(),
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().range([1, 50]).optional(),
    ids: idList(),
    /** Only users of this org and below. */
    orgId: vine.number().withoutDecimals().min(1).optional(),
    /** Only holders of this permission… */
    permission: vine
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9:_-]{0,119}$/)
      .optional(),
    /** …whose data scope (from the roles granting it) covers this record. */
    recordOrgId: vine
      .number()
      .withoutDecimals()
      .min(1)
      .optional()
      .requiredIfExists('recordOwnerId'),
    recordOwnerId: vine.number().withoutDecimals().min(1).optional(),
  })
)
