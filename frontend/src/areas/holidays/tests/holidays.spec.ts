import { describe, expect, it, vi } from 'vitest'
import Holidays from '@/areas/holidays/pages/system/Holidays.vue'
import type { HolidayEntry, YearCalendar } from '@/areas/holidays/api'
import {
  fakeServer,
  flushPromises,
  mountInConsole,
  signedInAs,
  type FakeCall,
} from '../../../../tests/helpers'

/* 节假日管理: the year calendar, the entries table, buttons by permission, the import dialog. */

const NATIONAL_DAY: HolidayEntry[] = [
  ['2025-09-28', 'workday'],
  ['2025-10-01', 'holiday'],
  ['2025-10-02', 'holiday'],
  ['2025-10-08', 'holiday'],
  ['2025-10-11', 'workday'],
].map(([date, kind], i) => ({
  id: i + 1,
  date,
  kind: kind as HolidayEntry['kind'],
  name: '国庆节、中秋节',
  year: Number(date.slice(0, 4)),
  createdAt: '2025-01-01 00:00:00',
  updatedAt: '2025-01-01 00:00:00',
}))

/** What the server's calendar endpoint answers for a year holding `entries`. */
function yearCalendar(year: number, entries: HolidayEntry[]): YearCalendar {
  const months: YearCalendar['months'] = Array.from({ length: 12 }, (_, i) => ({
    month: i + 1,
    days: [],
  }))
  for (let t = Date.UTC(year, 0, 1); t <= Date.UTC(year, 11, 31); t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10)
    const weekday = ((new Date(t).getUTCDay() + 6) % 7) + 1
    const entry = entries.find((e) => e.date === date)
    months[Number(date.slice(5, 7)) - 1].days.push({
      date,
      weekday,
      working: entry ? entry.kind === 'workday' : weekday <= 5,
      kind: entry?.kind ?? null,
      name: entry?.name ?? null,
    })
  }
  return {
    year,
    hasCalendar: entries.length > 0,
    summary: { workingDays: 248, restDays: 117, holidays: 28, workdays: 5 },
    months,
  }
}

function holidayServer(extra?: (call: FakeCall) => any) {
  return fakeServer((call) => {
    const custom = extra?.(call)
    if (custom) return custom
    const year = Number(call.query.get('year'))
    const entries = year === 2025 ? NATIONAL_DAY : []
    if (call.path === '/api/system/holidays/calendar')
      return { status: 200, body: yearCalendar(year, entries) }
    if (call.method === 'GET' && call.path === '/api/system/holidays')
      return {
        status: 200,
        body: { data: entries, meta: { total: entries.length, page: 1, perPage: 400 } },
      }
  })
}

async function mountHolidays(permissions: string[]) {
  const wrapper = mountInConsole(Holidays, signedInAs(permissions), {
    global: { stubs: { PageToolbar: { template: '<div class="toolbar"><slot /></div>' } } },
  })
  await flushPromises()
  return wrapper
}

/** Picks a year as the year picker's v-model would. */
async function showYear(wrapper: Awaited<ReturnType<typeof mountHolidays>>, year: number) {
  ;(wrapper.vm as any).$.setupState.yearText = String(year)
  await flushPromises()
}

describe('Holidays page', () => {
  it('colours 法定节假日 and 调休 days in the year calendar, with names', async () => {
    const { calls } = holidayServer()
    const wrapper = await mountHolidays(['*'])
    await showYear(wrapper, 2025)

    expect(calls.some((c) => c.path.endsWith('/calendar') && c.query.get('year') === '2025')).toBe(
      true
    )
    const holiday = wrapper.find('[data-date="2025-10-01"]')
    expect(holiday.classes()).toContain('is-holiday')
    expect(holiday.attributes('title')).toContain('国庆节、中秋节')
    expect(holiday.text()).toContain('休')
    const workday = wrapper.find('[data-date="2025-09-28"]')
    expect(workday.classes()).toContain('is-workday')
    expect(workday.text()).toContain('班')
    expect(wrapper.find('[data-date="2025-10-04"]').classes()).toContain('is-rest')
    expect(wrapper.find('[data-date="2025-10-09"]').classes()).not.toContain('is-rest')
    expect(wrapper.findAll('.holidays-month')).toHaveLength(12)
    expect(wrapper.find('[data-testid=holiday-missing]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=holiday-table]').text()).toContain('调休上班')
  })

  it('warns when the year has no arrangement', async () => {
    holidayServer()
    const wrapper = await mountHolidays(['*'])
    await showYear(wrapper, 2027)
    expect(wrapper.find('[data-testid=holiday-missing]').text()).toContain(
      '2027 年的放假安排尚未导入'
    )
  })

  it('hides create, import, edit and delete without their permissions', async () => {
    holidayServer()
    const readOnly = await mountHolidays(['system:holiday:list'])
    await showYear(readOnly, 2025)
    for (const id of ['holiday-create', 'holiday-import', 'holiday-edit', 'holiday-delete'])
      expect(readOnly.find(`[data-testid=${id}]`).exists()).toBe(false)
    readOnly.unmount()

    const editor = await mountHolidays(['system:holiday:list', 'system:holiday:update'])
    await showYear(editor, 2025)
    expect(editor.findAll('[data-testid=holiday-edit]')).toHaveLength(5)
    expect(editor.find('[data-testid=holiday-delete]').exists()).toBe(false)
    expect(editor.find('[data-testid=holiday-import]').exists()).toBe(false)
  })

  it('shows the server 422 message on the date field', async () => {
    const { calls } = holidayServer((call) =>
      call.method === 'POST' && call.path === '/api/system/holidays'
        ? {
            status: 422,
            body: {
              message: '提交的数据有误',
              errors: [{ field: 'date', rule: 'unique', message: '日期 2025-10-01 已登记' }],
            },
          }
        : undefined
    )
    const wrapper = await mountHolidays(['*'])
    await showYear(wrapper, 2025)
    await wrapper.find('[data-date="2025-10-06"]').trigger('click')
    await flushPromises()
    const dialog = document.querySelector('[data-testid=holiday-dialog]') as HTMLElement
    const name = dialog.querySelector('.el-autocomplete input') as HTMLInputElement
    name.value = '国庆节'
    name.dispatchEvent(new Event('input'))
    await flushPromises()
    ;(dialog.querySelector('[data-testid=holiday-save]') as HTMLElement).click()
    await flushPromises()

    const post = calls.find((c) => c.method === 'POST')!
    expect(post.body).toEqual({ date: '2025-10-06', kind: 'holiday', name: '国庆节', year: 2025 })
    // Element Plus debounces showing a form-item error, hence waitFor.
    await vi.waitFor(() =>
      expect(dialog.querySelector('.el-form-item__error')?.textContent).toContain(
        '日期 2025-10-01 已登记'
      )
    )
  })
})

describe('Holidays import dialog', () => {
  async function chooseAndImport(wrapper: Awaited<ReturnType<typeof mountHolidays>>, file: File) {
    await wrapper.find('[data-testid=holiday-import]').trigger('click')
    await flushPromises()
    const input = document.querySelector(
      '[data-testid=holiday-import-dialog] input[type=file]'
    ) as HTMLInputElement
    Object.defineProperty(input, 'files', { value: [file], configurable: true })
    input.dispatchEvent(new Event('change'))
    await flushPromises()
    ;(document.querySelector('[data-testid=holiday-import-run]') as HTMLElement).click()
    await new Promise((resolve) => setTimeout(resolve, 0))
    await flushPromises()
  }

  it('sends the file text with year and format, then shows the counts', async () => {
    const content =
      '{"year": 2025, "days": [{"name": "元旦", "date": "2025-01-01", "isOffDay": true}]}'
    const { calls } = holidayServer((call) =>
      call.path === '/api/system/holidays/import'
        ? {
            status: 200,
            body: { year: 2025, holidays: 28, workdays: 5, total: 33, replaced: 5 },
          }
        : undefined
    )
    const wrapper = await mountHolidays(['*'])
    await showYear(wrapper, 2025)
    await chooseAndImport(wrapper, new File([content], '2025.json', { type: 'application/json' }))

    const post = calls.find((c) => c.path === '/api/system/holidays/import')!
    expect(post.body).toEqual({ year: 2025, format: 'json', content })
    expect(document.querySelector('[data-testid=holiday-import-result]')!.textContent).toContain(
      '法定节假日 28 天，调休上班 5 天，共 33 条（替换原有 5 条）'
    )
  })

  it('lists every field message of a refused file', async () => {
    holidayServer((call) =>
      call.path === '/api/system/holidays/import'
        ? {
            status: 422,
            body: {
              message: '提交的数据有误',
              errors: [
                { field: 'lines.3.type', rule: 'enum', message: '第 3 行：类型“off”无效' },
                { field: 'lines.5.date', rule: 'date', message: '第 5 行：日期“2025-13-01”无效' },
              ],
            },
          }
        : undefined
    )
    const wrapper = await mountHolidays(['*'])
    await showYear(wrapper, 2025)
    await chooseAndImport(wrapper, new File(['date,type,name\n'], 'bad.csv', { type: 'text/csv' }))

    const box = document.querySelector('[data-testid=holiday-import-errors]')!.textContent
    expect(box).toContain('文件有 2 处问题，未导入')
    expect(box).toContain('第 3 行：类型“off”无效')
    expect(box).toContain('第 5 行：日期“2025-13-01”无效')
  })
})
