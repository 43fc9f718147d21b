import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent } from 'vue'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import MessageTable from '@/areas/messages/components/MessageTable.vue'
import { i18n } from '@/i18n'
import { fakeServer, flushPromises, mountInConsole, signedInAs } from '../../../../tests/helpers'

/* 消息中心 on ListPage: the user's messages; a click marks it read and lands on the record. */
const messages = [
  {
    id: 5,
    type: 'workflow.task',
    typeName: { zh: '待办审批', en: 'Approval task' },
    title: '待办审批：处置预案 P-2026-001',
    body: null,
    link: '/workflow/instances/12',
    read: false,
    readAt: null,
    createdAt: '2026-12-07T02:00:00.000Z',
    deliveries: [{ channel: 'sms', status: 'sent', detail: null, sentAt: null }],
  },
]

afterEach(() => {
  document.body.innerHTML = ''
})

describe('MessageTable (消息中心)', () => {
  it('lists messages with type, deliveries and unread mark; a click marks read and opens the record', async () => {
    const server = fakeServer((call) => {
      if (call.path === '/api/messages')
        return { status: 200, body: { data: messages, meta: { total: 1 } } }
      if (call.path === '/api/messages/unread-count') return { status: 200, body: { count: 1 } }
      if (call.path === '/api/messages/5/read') return { status: 200, body: { count: 0 } }
    })
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/messages', component: defineComponent({ render: () => null }) },
        { path: '/workflow/instances/:id', component: defineComponent({ render: () => null }) },
      ],
    })
    await router.push('/messages')
    const pinia = signedInAs([])
    const wrapper = mountInConsole(MessageTable, pinia, {
      global: { plugins: [pinia, i18n, ElementPlus, router] },
    })
    await flushPromises()
    const table = wrapper.find('[data-testid=message-list]').text()
    expect(table).toContain('待办审批')
    expect(table).toContain('短信·已发送')
    expect(table).toContain('未读')

    await wrapper.find('[data-testid=messages-unread-only] input').setValue(true)
    await flushPromises()
    expect(
      server.calls
        .filter((c) => c.path === '/api/messages')
        .at(-1)!
        .query.get('unread')
    ).toBe('1')

    await wrapper.find('[data-testid=message-item]').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/workflow/instances/12'))
    expect(server.calls.some((c) => c.path === '/api/messages/5/read' && c.method === 'POST')).toBe(
      true
    )
  })
})
