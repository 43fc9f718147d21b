import vine from '@vinejs/vine'
import { calendarDate } from '#core/validation/dates'

/*
| 通知公告 input. Content arrives as HTML from the console editor and is
| sanitised by the service before it is stored; the length cap bounds the work
| the sanitiser does (a MEDIUMTEXT column holds far more).
*/
export const NOTICE_STATUSES = ['draft', 'published', 'revoked'] as const
export const NOTICE_TARGET_TYPES = ['org', 'org_and_below', 'role'] as const

export const noticeDraftValidator = vine.compile(
  vine.object({
    title: vine.string().trim().minLength(1).maxLength(200),
    kind: vine.string().trim().minLength(1).maxLength(64),
    contentHtml: vine.string().minLength(1).maxLength(200_000),
  })
)

export const noticePublishValidator = vine.compile(
  vine.object({
    audience: vine.enum(['all', 'targeted'] as const),
    targets: vine
      .array(
        vine.object({
          type: vine.enum(NOTICE_TARGET_TYPES),
          id: vine.number().withoutDecimals().positive(),
        })
      )
      .maxLength(500)
      .optional()
      .requiredWhen('audience', '=', 'targeted'),
  })
)

export const noticeListValidator = vine.compile(
  vine.object({
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().range([1, 200]).optional(),
    keyword: vine.string().trim().maxLength(100).optional(),
    sort: vine.string().trim().maxLength(64).optional(),
    order: vine.enum(['asc', 'desc']).optional(),
    status: vine.enum(NOTICE_STATUSES).optional(),
    kind: vine.string().trim().maxLength(64).optional(),
    /** 'YYYY-MM-DD' (Asia/Shanghai), on the publish date, or the creation date of a draft. */
    dateFrom: vine.string().trim().use(calendarDate()).optional(),
    dateTo: vine.string().trim().use(calendarDate()).optional(),
  })
)

export const myNoticeListValidator = vine.compile(
  vine.object({
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().range([1, 100]).optional(),
    keyword: vine.string().trim().maxLength(100).optional(),
    kind: vine.string().trim().maxLength(64).optional(),
    /** true: only notices the user has not read yet. */
    unread: vine.boolean().optional(),
  })
)
