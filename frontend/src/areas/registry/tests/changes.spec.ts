import { describe, expect, it, vi, beforeEach } from 'vitest'
import { buildUrl } from '@/api/http'

/* The four-eyes API functions send what the backend expects. */
describe('changes API', () => {
  beforeEach(() => vi.restoreAllMocks())

  it('filters the queue by status through the query string', () => {
    expect(buildUrl('/system/changes', { status: 'pending', page: 2 })).toMatch(
      /\/api\/system\/changes\?(status=pending&page=2|page=2&status=pending)/
    )
  })

  it('posts decisions with the comment', async () => {
    const fetchMock = vi.fn(async () => new Response(null, { status: 204 }))
    vi.stubGlobal('fetch', fetchMock)
    const { approveChange, rejectChange } = await import('@/areas/registry/changes-api')
    await approveChange(7, '同意')
    await rejectChange(8)
    const calls = fetchMock.mock.calls as unknown as Array<[string, RequestInit]>
    expect(calls[0][0]).toContain('/api/system/changes/7/approve')
    expect(calls[0][1].method).toBe('POST')
    expect(JSON.parse(String(calls[0][1].body))).toEqual({ comment: '同意' })
    expect(calls[1][0]).toContain('/api/system/changes/8/reject')
  })
})
