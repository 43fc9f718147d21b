import { describe, expect, it, vi } from 'vitest'
import JobProgress from '@/components/JobProgress.vue'
import { JOB_POLL_MS } from '@/composables/useJob'
import { fakeServer, flushPromises, mountInConsole, signedInAs } from './helpers'

describe('JobProgress', () => {
  it('polls the job until it completes, then stops and reports', async () => {
    vi.useFakeTimers()
    const states = [
      { status: 'queued', progress: 0, message: null },
      { status: 'running', progress: 40, message: '已导入 4,000 / 10,000 条' },
      { status: 'completed', progress: 100, message: '导入完成' },
    ]
    const { calls } = fakeServer(() => ({
      status: 200,
      body: {
        id: 7,
        name: '借据批量导入',
        result: null,
        error: null,
        ...states[Math.min(calls.length - 1, 2)],
      },
    }))
    const wrapper = mountInConsole(JobProgress, signedInAs([]), { props: { jobId: 7 } })

    await flushPromises()
    expect(wrapper.text()).toContain('排队中')
    await vi.advanceTimersByTimeAsync(JOB_POLL_MS)
    expect(wrapper.text()).toContain('执行中')
    expect(wrapper.text()).toContain('40%')
    await vi.advanceTimersByTimeAsync(JOB_POLL_MS)
    expect(wrapper.text()).toContain('已完成')
    expect(wrapper.emitted('finished')).toHaveLength(1)

    await vi.advanceTimersByTimeAsync(JOB_POLL_MS * 3)
    expect(calls).toHaveLength(3)
    expect(calls[0].path).toBe('/api/jobs/7')
  })
})
