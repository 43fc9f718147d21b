/*
| The two file formats a year's arrangement is imported from, parsed and checked
| without touching the database:
|
| holiday-cn JSON (github.com/NateScarlet/holiday-cn, the widely used format):
|   { "$schema": …, "$id": …, "year": 2025, "papers": ["https://www.gov.cn/…"],
|     "days": [ { "name": "春节", "date": "2025-01-28", "isOffDay": true }, … ] }
|   isOffDay true = 法定节假日 (day off); false = 调休 (a weekend day worked).
|
| Simple CSV, one day per line, optional header, UTF-8 (a BOM from Excel is fine):
|   date,type,name
|   2025-01-28,holiday,春节
|   2025-01-26,workday,春节
|
| Problems come back as issues (field, rule, message key, parameters) so the
| controller can answer 422 in the user's language; all of them are reported at
| once (up to MAX_ISSUES), not just the first.
*/
import type { HttpContext } from '@adonisjs/core/http'
import { RuleError } from '#core/plugins/rule_error'
import { isCalendarDate } from './calendar_date.js'
import { splitCsvLine, stripBom } from './csv_text.js'
import type { DayKind } from './work_calendar.js'

export type HolidayFileFormat = 'json' | 'csv'

export interface ImportedDay {
  date: string
  kind: DayKind
  name: string
  year: number
  /** Where the day came from in the file, for messages about it found later. */
  origin?: { field: string; at: Position }
}

export interface ParsedYear {
  year: number
  days: ImportedDay[]
  /** The State Council notices the file cites (holiday-cn `papers`). */
  papers: string[]
}

/** Where in the file: the n-th entry of `days` (1-based) or the n-th CSV line. */
export type Position = { entry: number } | { line: number }

export interface Issue {
  field: string
  rule: string
  /** Message key in backend/holidays/messages.ts. */
  key: string
  params?: Record<string, string | number>
  at?: Position
}

/** Rejected calendar data: a 422 with one message per problem, saying where in the file. */
export class HolidayDataError extends RuleError {
  constructor(readonly issues: Issue[]) {
    super(422, 'validation.failed', {
      message: `Holiday data rejected: ${issues.length} problem(s)`,
    })
  }

  async answer(ctx: HttpContext) {
    return ctx.response.status(422).send({
      message: ctx.i18n('validation.failed'),
      code: this.code,
      errors: this.issues.map((issue) => ({
        field: issue.field,
        rule: issue.rule,
        message: describeIssue(ctx, issue),
      })),
    })
  }
}

/** One problem in the user's language, prefixed with where it is in the file. */
export function describeIssue(ctx: HttpContext, issue: Issue): string {
  const where = !issue.at
    ? ''
    : 'entry' in issue.at
      ? ctx.i18n('holidays.atEntry', { n: issue.at.entry })
      : ctx.i18n('holidays.atLine', { n: issue.at.line })
  return where + ctx.i18n(issue.key, issue.params)
}

export const MAX_ISSUES = 50
export const NAME_MAX_LENGTH = 100

/**
 * The dates an arrangement year may contain: the year itself plus the December
 * before it, because a notice sometimes moves the last days of the old year for
 * 元旦 (the 2019 notice: 2018-12-29 worked, 12-30 and 12-31 off; 2023: 2022-12-31).
 */
export function arrangementRange(year: number): { from: string; to: string } {
  return { from: `${year - 1}-12-01`, to: `${year}-12-31` }
}

export function inArrangement(date: string, year: number): boolean {
  const { from, to } = arrangementRange(year)
  return date >= from && date <= to
}

interface RawDay {
  at: Position
  /** Field path prefix: `days.3` (JSON, 0-based like VineJS) or `lines.7` (CSV, 1-based). */
  base: string
  date: unknown
  kind: DayKind | null
  name: unknown
}

export function parseHolidayFile(input: {
  content: string
  format?: HolidayFileFormat
  year?: number
}): ParsedYear {
  const format = input.format ?? (input.content.trimStart().startsWith('{') ? 'json' : 'csv')
  return format === 'json'
    ? parseHolidayCnJson(input.content, input.year)
    : parseHolidayCsv(input.content, input.year)
}

export function parseHolidayCnJson(content: string, expectedYear?: number): ParsedYear {
  let file: any
  try {
    file = JSON.parse(stripBom(content))
  } catch (error) {
    throw new HolidayDataError([
      {
        field: 'content',
        rule: 'json',
        key: 'holidays.invalidJson',
        params: { reason: (error as Error).message },
      },
    ])
  }
  if (!file || typeof file !== 'object' || Array.isArray(file) || !Array.isArray(file.days)) {
    throw new HolidayDataError([{ field: 'content', rule: 'format', key: 'holidays.notHolidayCn' }])
  }
  if (!Number.isInteger(file.year)) {
    throw new HolidayDataError([
      { field: 'content', rule: 'format', key: 'holidays.fileYearInvalid' },
    ])
  }
  const year: number = file.year
  if (expectedYear !== undefined && expectedYear !== year) {
    throw new HolidayDataError([
      {
        field: 'year',
        rule: 'yearMismatch',
        key: 'holidays.yearMismatch',
        params: { fileYear: year, year: expectedYear },
      },
    ])
  }

  const issues: Issue[] = []
  const raw: RawDay[] = []
  ;(file.days as unknown[]).forEach((day, index) => {
    const at = { entry: index + 1 }
    const base = `days.${index}`
    if (!day || typeof day !== 'object' || Array.isArray(day)) {
      issues.push({ field: base, rule: 'object', key: 'holidays.dayNotObject', at })
      return
    }
    const { isOffDay, date, name } = day as Record<string, unknown>
    if (typeof isOffDay !== 'boolean') {
      issues.push({ field: `${base}.isOffDay`, rule: 'boolean', key: 'holidays.invalidOffDay', at })
    }
    raw.push({
      at,
      base,
      date,
      kind: typeof isOffDay === 'boolean' ? (isOffDay ? 'holiday' : 'workday') : null,
      name,
    })
  })
  const papers = Array.isArray(file.papers)
    ? file.papers.filter((p: unknown): p is string => typeof p === 'string')
    : []
  return finish(year, raw, issues, papers)
}

export function parseHolidayCsv(content: string, year?: number): ParsedYear {
  if (year === undefined) {
    throw new HolidayDataError([
      { field: 'year', rule: 'required', key: 'holidays.csvYearRequired' },
    ])
  }
  const issues: Issue[] = []
  const raw: RawDay[] = []
  let headerSeen = false
  stripBom(content)
    .split(/\r\n|\n|\r/)
    .forEach((text, index) => {
      const line = index + 1
      if (!text.trim() || text.trimStart().startsWith('#')) return
      const cells = splitCsvLine(text).map((c) => c.trim())
      if (!headerSeen && raw.length === 0 && /^(date|日期)$/i.test(cells[0] ?? '')) {
        headerSeen = true
        return
      }
      const at = { line }
      const base = `lines.${line}`
      // Spreadsheet exports often add empty trailing columns; anything else is a mistake.
      while (cells.length > 3 && cells[cells.length - 1] === '') cells.pop()
      if (cells.length !== 3) {
        issues.push({
          field: base,
          rule: 'columns',
          key: 'holidays.csvColumns',
          params: { count: cells.length },
          at,
        })
        return
      }
      const [date, type, name] = cells
      const kind = type.toLowerCase()
      if (kind !== 'holiday' && kind !== 'workday') {
        issues.push({
          field: `${base}.type`,
          rule: 'enum',
          key: 'holidays.csvKind',
          params: { value: type },
          at,
        })
      }
      raw.push({
        at,
        base,
        date,
        kind: kind === 'holiday' || kind === 'workday' ? kind : null,
        name,
      })
    })
  return finish(year, raw, issues, [])
}

/** Checks shared by both formats: real dates inside the arrangement, no repeats, a name. */
function finish(year: number, raw: RawDay[], issues: Issue[], papers: string[]): ParsedYear {
  const { from, to } = arrangementRange(year)
  const firstSeen = new Map<string, number>()
  const days: ImportedDay[] = []
  for (const day of raw) {
    let ok = day.kind !== null
    const name = typeof day.name === 'string' ? day.name.trim() : ''
    if (!name) {
      issues.push({
        field: `${day.base}.name`,
        rule: 'required',
        key: 'holidays.nameRequired',
        at: day.at,
      })
      ok = false
    } else if (name.length > NAME_MAX_LENGTH) {
      issues.push({
        field: `${day.base}.name`,
        rule: 'maxLength',
        key: 'holidays.nameTooLong',
        params: { max: NAME_MAX_LENGTH },
        at: day.at,
      })
      ok = false
    }
    if (!isCalendarDate(day.date)) {
      issues.push({
        field: `${day.base}.date`,
        rule: 'date',
        key: 'holidays.invalidDate',
        params: { value: String(day.date ?? '') },
        at: day.at,
      })
      continue
    }
    const date = day.date
    if (date < from || date > to) {
      issues.push({
        field: `${day.base}.date`,
        rule: 'holidayYear',
        key: 'holidays.dateOutsideYear',
        params: { date, year, from, to },
        at: day.at,
      })
      continue
    }
    const first = firstSeen.get(date)
    if (first !== undefined) {
      issues.push({
        field: `${day.base}.date`,
        rule: 'distinct',
        key: 'entry' in day.at ? 'holidays.duplicateDateEntry' : 'holidays.duplicateDateLine',
        params: { date, first },
        at: day.at,
      })
      continue
    }
    firstSeen.set(date, 'entry' in day.at ? day.at.entry : day.at.line)
    if (ok) {
      days.push({
        date,
        kind: day.kind!,
        name,
        year,
        origin: { field: `${day.base}.date`, at: day.at },
      })
    }
  }
  if (!issues.length && !days.length) {
    issues.push({ field: 'days', rule: 'required', key: 'holidays.noDays', params: { year } })
  }
  if (issues.length) throw new HolidayDataError(capped(inFileOrder(issues)))
  days.sort((a, b) => (a.date < b.date ? -1 : 1))
  return { year, days, papers }
}

/** Problems in the order of the file (stable, so one entry's problems keep their order). */
function inFileOrder(issues: Issue[]): Issue[] {
  const position = (issue: Issue) =>
    !issue.at ? 0 : 'entry' in issue.at ? issue.at.entry : issue.at.line
  return [...issues].sort((a, b) => position(a) - position(b))
}

function capped(issues: Issue[]): Issue[] {
  if (issues.length <= MAX_ISSUES) return issues
  return [
    ...issues.slice(0, MAX_ISSUES),
    {
      field: 'content',
      rule: 'tooMany',
      key: 'holidays.moreIssues',
      params: { count: issues.length - MAX_ISSUES },
    },
  ]
}
