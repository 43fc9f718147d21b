/*
| Input of 节假日管理. Dates stay 'YYYY-MM-DD' strings (vine.date() would turn
| them into JS Dates, which a time zone can shift), checked by `calendarDate`.
*/
import vine from '@vinejs/vine'
import { calendarDate } from '#core/validation/dates'
import { LocalizedMessagesProvider } from '#core/i18n/validation_messages'
import { DAY_KINDS } from '#core/holidays/work_calendar'
import { NAME_MAX_LENGTH } from '#core/holidays/holiday_formats'

Object.assign(LocalizedMessagesProvider.extraLabels['zh-CN'], {
  date: '日期',
  kind: '类型',
  year: '年份',
  format: '文件格式',
  content: '文件内容',
})
Object.assign(LocalizedMessagesProvider.extraLabels.en, {
  date: 'date',
  kind: 'type',
  year: 'year',
  format: 'file format',
  content: 'file content',
})

export { calendarDate }

/* Arrangements exist from 1999 (the first 黄金周); a wide range still catches typos like 20025. */
const year = () => vine.number().withoutDecimals().range([1949, 2200])

export const yearQueryValidator = vine.compile(vine.object({ year: year().optional() }))

export const entryListValidator = vine.compile(
  vine.object({
    year: year().optional(),
    page: vine.number().withoutDecimals().min(1).optional(),
    // One page can hold any year (at most 366 days plus the December before it).
    perPage: vine.number().withoutDecimals().range([1, 400]).optional(),
    keyword: vine.string().trim().maxLength(100).optional(),
    sort: vine.enum(['date', 'kind', 'name']).optional(),
    order: vine.enum(['asc', 'desc']).optional(),
  })
)

export const entryValidator = vine.compile(
  vine.object({
    date: vine.string().trim().use(calendarDate()),
    kind: vine.enum(DAY_KINDS),
    name: vine.string().trim().minLength(1).maxLength(NAME_MAX_LENGTH),
    year: year().optional(),
  })
)

/*
| The console reads the chosen file and sends its text, so one JSON request
| carries it. A year's file is a few KB; 200 000 characters leaves room for a
| commented CSV and refuses someone's spreadsheet of everything.
*/
export const importValidator = vine.compile(
  vine.object({
    year: year().optional(),
    format: vine.enum(['json', 'csv']).optional(),
    content: vine.string().minLength(1).maxLength(200_000),
  })
)
