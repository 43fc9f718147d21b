import { describe, expect, it } from 'vitest'
import DataMonitor from '@/areas/monitor/pages/system/DataMonitor.vue'
import { addDays, shanghaiToday } from '@/utils/date'
import { fakeServer, flushPromises, mountInConsole, signedInAs } from '../../../../tests/helpers'

/* 数据监控: asks for the last 30 days in the bank's calendar and shows the live backlog. */
const stub = {
  global: { stubs: { PageToolbar: { template: '<div><slot /></div>' }, EChart: true } },
}

describe('DataMonitor page', () => {
  it('loads the last 30 days and flags failed outbox messages', async () => {
    const { calls } = fakeServer((call) =>
      call.path === '/api/system/monitor/usage'
        ? {
            status: 200,
            body: {
              range: { from: '2026-11-08', to: '2026-12-07' },
              perDay: [
                { day: '2026-12-06', logins: 4, activeUsers: 3, failedLogins: 1 },
                { day: '2026-12-07', logins: 6, activeUsers: 5, failedLogins: 0 },
              ],
              byOrg: [{ org: '<b>北京分行</b>', logins: 10, users: 8 }],
              features: { topActions: [{ action: 'disposal.plan.create', count: 7 }], areas: [] },
              jobs: [],
              live: { outboxPending: 2, outboxDead: 1, jobsQueued: 0, jobsRunning: 1 },
            },
          }
        : { status: 404, body: {} }
    )
    const wrapper = mountInConsole(DataMonitor, signedInAs(['system:monitor:data']), stub)
    await flushPromises()
    const request = calls.find((c) => c.path === '/api/system/monitor/usage')!
    expect(Object.fromEntries(request.query)).toEqual({
      from: addDays(shanghaiToday(), -29),
      to: shanghaiToday(),
    })
    expect(wrapper.find('[data-testid=monitor-stat-totalLogins]').text()).toContain('10')
    expect(wrapper.find('[data-testid=monitor-stat-peakUsers]').text()).toContain('5')
    expect(wrapper.find('[data-testid=monitor-stat-outboxDead] .is-alert').exists()).toBe(true)
    expect(wrapper.text()).toContain('disposal.plan.create')
    wrapper.unmount()
    // Element Plus's date picker and statistics mount slowly on a loaded 2-core machine.
  }, 20_000)

  it('adds days on the calendar, across months and years', () => {
    expect(addDays('2026-12-07', -29)).toBe('2026-11-08')
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(shanghaiToday(new Date('2026-12-07T17:00:00Z'))).toBe('2026-12-08')
  })
})
