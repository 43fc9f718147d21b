/*
| 节假日管理: the bank-wide holiday calendar. It belongs to no org, so there is no
| data scope to apply (like 参数 and 数据字典); the permission codes decide.
*/
import type { HttpContext } from '@adonisjs/core/http'
import { audit } from '#core/audit/audit'
import { businessDate } from '#core/business_day/business_date'
import { yearView } from '#core/holidays/calendar_view'
import {
  createEntry,
  deleteEntry,
  listEntries,
  listYears,
  updateEntry,
} from '#core/holidays/holiday_entries'
import { importHolidayFile } from '#core/holidays/holiday_import'
import { describeIssue, HolidayDataError } from '#core/holidays/holiday_formats'
import { workingDays } from '#core/holidays/working_days'
import {
  entryListValidator,
  entryValidator,
  importValidator,
  yearQueryValidator,
} from '#core/holidays/validators'

export default class HolidaysController {
  /** One arrangement year's entries, paged (a year fits one page of 400). */
  async index({ request }: HttpContext) {
    const q = await request.validateUsing(entryListValidator)
    return listEntries({
      year: q.year ?? (await currentYear()),
      page: q.page ?? 1,
      perPage: q.perPage ?? 100,
      keyword: q.keyword,
      sort: q.sort,
      order: q.order,
    })
  }

  /** Years that have an arrangement, for the console's year picker. */
  async years() {
    return listYears()
  }

  /** Every day of a year, flagged working or not, grouped by month. */
  async calendar({ request }: HttpContext) {
    const { year } = await request.validateUsing(yearQueryValidator)
    return yearView(await workingDays.calendar(), year ?? (await currentYear()))
  }

  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(entryValidator)
    const entry = await createEntry(input, (trx, after) =>
      audit.record(ctx, {
        action: 'holiday.create',
        entityType: 'holiday',
        entityId: after.id,
        after: { ...after },
        trx,
      })
    )
    return ctx.response.created(entry)
  }

  async update(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(entryValidator)
    const change = await updateEntry(Number(ctx.params.id), input, (trx, { before, after }) =>
      audit.record(ctx, {
        action: 'holiday.update',
        entityType: 'holiday',
        entityId: after.id,
        before: { ...before },
        after: { ...after },
        trx,
      })
    )
    if (!change) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    return change.after
  }

  async destroy(ctx: HttpContext) {
    const removed = await deleteEntry(Number(ctx.params.id), (trx, before) =>
      audit.record(ctx, {
        action: 'holiday.delete',
        entityType: 'holiday',
        entityId: before.id,
        before: { ...before },
        trx,
      })
    )
    if (!removed) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    return ctx.response.noContent()
  }

  /** Replaces one arrangement year with a holiday-cn JSON or CSV file's content. */
  async import(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(importValidator)
    try {
      return await importHolidayFile(input, (trx, result) =>
        audit.record(ctx, {
          action: 'holiday.import',
          entityType: 'holiday_year',
          entityId: result.year,
          before: { entries: result.replaced },
          after: { holidays: result.holidays, workdays: result.workdays },
          detail: input.format ?? null,
          trx,
        })
      )
    } catch (error) {
      // A rejected file is audited as a failed import (it may replace a whole year), then answered.
      if (error instanceof HolidayDataError) {
        await audit.record(ctx, {
          action: 'holiday.import',
          entityType: 'holiday_year',
          entityId: input.year ?? null,
          result: 'failure',
          detail: `${error.issues.length} problem(s): ${describeIssue(ctx, error.issues[0])}`,
        })
      }
      throw error
    }
  }
}

async function currentYear() {
  return Number((await businessDate.current()).slice(0, 4))
}
