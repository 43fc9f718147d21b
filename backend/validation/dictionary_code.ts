import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { dictionariesCache } from '#core/registry/dictionaries_cache'

/**
 * VineJS rule: the value is an enabled code of a 数据字典 type, so statuses and
 * kinds come from the dictionary administrators maintain, never from a list in
 * code. Use `vine.string().use(dictCode({ type: 'loan_notes_status' }))`.
 */
export const dictCode = vine.createRule(
  async (value: unknown, options: { type: string }, field: FieldContext) => {
    if (typeof value !== 'string') return
    const { data } = await dictionariesCache.current()
    const item = (data[options.type] ?? []).find((i) => i.code === value)
    if (!item || !item.enabled)
      field.report('The {{ field }} field must be a dictionary code', 'dictCode', field)
  },
  { isAsync: true }
)
