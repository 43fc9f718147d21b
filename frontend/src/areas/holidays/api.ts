/* 节假日管理 endpoints: one typed function per endpoint. */
import { http } from '@/api/http'
import type { ListQuery, Paginated } from '@/api/types'

/** `holiday` = 法定节假日 (day off); `workday` = 调休 (a weekend day worked). */
export type HolidayKind = 'holiday' | 'workday'

export interface HolidayEntry {
  id: number
  date: string
  kind: HolidayKind
  name: string
  /** The arrangement year (a notice may move the December before it). */
  year: number
  createdAt: string
  updatedAt: string
}

export interface HolidayEntryInput {
  date: string
  kind: HolidayKind
  name: string
  year?: number
}

export interface CalendarDay {
  date: string
  /** 1 = Monday … 7 = Sunday. */
  weekday: number
  working: boolean
  kind: HolidayKind | null
  name: string | null
}

export interface YearCalendar {
  year: number
  /** False: the year's arrangement is not imported; only weekends are rest days. */
  hasCalendar: boolean
  summary: { workingDays: number; restDays: number; holidays: number; workdays: number }
  months: Array<{ month: number; days: CalendarDay[] }>
}

export interface HolidayYear {
  year: number
  holidays: number
  workdays: number
}

export interface ImportResult {
  year: number
  holidays: number
  workdays: number
  total: number
  replaced: number
}

export type HolidayFileFormat = 'json' | 'csv'

export const listHolidays = (query: ListQuery & { year: number }) =>
  http.get<Paginated<HolidayEntry>>('/system/holidays', query)
export const listHolidayYears = () => http.get<HolidayYear[]>('/system/holidays/years')
export const fetchYearCalendar = (year: number) =>
  http.get<YearCalendar>('/system/holidays/calendar', { year })
export const createHoliday = (data: HolidayEntryInput) =>
  http.post<HolidayEntry>('/system/holidays', data)
export const updateHoliday = (id: number, data: HolidayEntryInput) =>
  http.put<HolidayEntry>(`/system/holidays/${id}`, data)
export const deleteHoliday = (id: number) => http.delete(`/system/holidays/${id}`)
/** Sends the file's text; the server parses holiday-cn JSON or `date,type,name` CSV. */
export const importHolidays = (data: {
  year: number
  format: HolidayFileFormat
  content: string
}) => http.post<ImportResult>('/system/holidays/import', data)
