/* Input of the saved-query and report routes; the query itself is query_spec.ts's schema. */
import vine from '@vinejs/vine'
import { calendarDate } from '#core/validation/dates'
import { querySpecObject } from './query_spec.js'

const IDENT = /^[a-z][a-zA-Z0-9_]{0,44}$/

export const savedQueryValidator = vine.compile(
  vine.object({
    name: vine.string().trim().minLength(1).maxLength(100),
    description: vine.string().trim().maxLength(500).optional().nullable(),
    visibility: vine.enum(['private', 'role'] as const),
    roleId: vine.number().withoutDecimals().positive().optional().nullable(),
    query: querySpecObject,
  })
)

export const savedListValidator = vine.compile(
  vine.object({
    dataset: vine
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9-]{1,39}:[a-z][a-z0-9-]{0,39}$/)
      .optional(),
  })
)

const localized = () =>
  vine.object({
    zh: vine.string().trim().minLength(1).maxLength(100),
    en: vine.string().trim().minLength(1).maxLength(100),
  })

export const publishReportValidator = vine.compile(
  vine.object({
    queryId: vine.number().withoutDecimals().positive().optional().nullable(),
    title: localized(),
    parentMenuCode: vine.string().trim().maxLength(128).optional().nullable(),
    sort: vine.number().withoutDecimals().range([0, 9999]).optional(),
    query: querySpecObject,
    layout: vine.object({
      columns: vine.array(vine.string().trim().regex(IDENT)).minLength(1).maxLength(80).distinct(),
      headers: vine
        .array(
          vine.object({
            label: localized(),
            keys: vine.array(vine.string().trim().regex(IDENT)).minLength(1).maxLength(80),
          })
        )
        .maxLength(20)
        .optional(),
      totals: vine.boolean(),
    }),
  })
)

export const reportRunValidator = vine.compile(
  vine.object({
    page: vine.number().withoutDecimals().min(1).max(100_000).optional(),
    perPage: vine.number().withoutDecimals().range([1, 500]).optional(),
    /** false: rows only (see runQueryValidator). */
    count: vine.boolean().optional(),
    /** A report may be viewed as of another date than it was published with. */
    asOf: vine.string().trim().use(calendarDate()).optional(),
  })
)

export const exportQueryValidator = vine.compile(vine.object({ query: querySpecObject }))
