import vine from '@vinejs/vine'
import { dictCode } from '#core/validation/dictionary_code'

/** Categories are the codes of the archives_category dictionary (数据字典). */
const category = () =>
  vine
    .string()
    .trim()
    .use(dictCode({ type: 'archives_category' }))

export const UPLOAD_FIELDS = ['title', 'category', 'remark'] as const
export const EDIT_FIELDS = ['title', 'category', 'remark'] as const

export const uploadValidator = vine.compile(
  vine.object({
    title: vine.string().trim().minLength(1).maxLength(200),
    category: category(),
    remark: vine.string().trim().maxLength(1000).nullable().optional(),
  })
)

export const editValidator = vine.compile(
  vine.object({
    title: vine.string().trim().minLength(1).maxLength(200).optional(),
    category: category().optional(),
    remark: vine.string().trim().maxLength(1000).nullable().optional(),
  })
)
