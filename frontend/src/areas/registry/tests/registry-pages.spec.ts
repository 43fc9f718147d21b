import { describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Component } from 'vue'
import Settings from '@/areas/registry/pages/system/Settings.vue'
import Dictionaries from '@/areas/registry/pages/system/Dictionaries.vue'
import Menus from '@/areas/registry/pages/system/Menus.vue'
import Prompts from '@/areas/registry/pages/system/Prompts.vue'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { i18n } from '@/i18n'
import { installDirectives } from '@/directives/permission'
import { fakeServer, flushPromises, signedInAs, type FakeApi } from '../../../../tests/helpers'

/* The registry pages show what an administrator may do, and nothing more. */

async function mountPage(page: Component, permissions: string[], api: FakeApi) {
  const server = fakeServer(api)
  const pinia = signedInAs(permissions)
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/', component: page, meta: { title: { zh: '页面', en: 'Page' } } }],
  })
  await router.push('/')
  await router.isReady()
  const wrapper = mount(page as any, {
    attachTo: document.body,
    global: { plugins: [pinia, i18n, ElementPlus, { install: installDirectives }, router] },
  })
  await flushPromises()
  return { wrapper, server }
}

/** A form control in a dialog (teleported to body); Element Plus puts test ids on the control itself. */
const field = <T extends Element>(testId: string, tag: string): T =>
  (document.querySelector(`${tag}[data-testid="${testId}"]`) ??
    document.querySelector(`[data-testid="${testId}"] ${tag}`)) as T

const setting = (key: string, category: string, extra: object = {}) => ({
  key,
  name: { zh: key, en: key },
  type: 'number',
  category,
  defaultValue: '1',
  value: null,
  frozen: false,
  source: 'system',
  updatedAt: null,
  ...extra,
})

describe('参数管理 page', () => {
  const api: FakeApi = (call) =>
    call.path === '/api/system/settings'
      ? {
          status: 200,
          body: [
            setting('system.bank.name', 'business', { type: 'string', defaultValue: '示范银行' }),
            setting('system.test.locked', 'business', { frozen: true }),
            setting('system.page.defaultSize', 'technical'),
          ],
        }
      : undefined

  it('splits 业务参数 and 技术参数 and locks frozen rows', async () => {
    const { wrapper } = await mountPage(
      Settings,
      ['system:setting:update', 'system:setting:freeze'],
      api
    )
    const table = wrapper.find('[data-testid="settings-table"]')
    expect(table.text()).toContain('system.bank.name')
    expect(table.text()).not.toContain('system.page.defaultSize')
    const rows = table.findAll('.el-table__body-wrapper tr')
    const locked = rows.find((row) => row.text().includes('system.test.locked'))!
    expect(locked.find('[data-testid="setting-edit"]').attributes('disabled')).toBeDefined()
    expect(locked.find('[data-testid="setting-freeze"]').text()).toBe('解冻')
    expect(locked.find('[data-testid="setting-frozen"]').exists()).toBe(true)

    await wrapper
      .findAll('.el-tabs__item')
      .find((tab) => tab.text().includes('技术参数'))!
      .trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid="settings-table"]').text()).toContain(
      'system.page.defaultSize'
    )
    wrapper.unmount()
  })

  it('shows no edit or freeze actions without the codes', async () => {
    const { wrapper } = await mountPage(Settings, [], api)
    expect(wrapper.find('[data-testid="setting-edit"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="setting-freeze"]').exists()).toBe(false)
    wrapper.unmount()
  })
})

describe('数据字典 page', () => {
  const item = (id: number, code: string, origin: 'plugin' | 'admin') => ({
    id,
    code,
    label: { zh: code, en: code },
    defaultLabel: { zh: code, en: code },
    customLabel: null,
    sort: id,
    defaultSort: id,
    customSort: null,
    color: null,
    enabled: true,
    origin,
  })
  const api: FakeApi = (call) =>
    call.path === '/api/system/dictionaries'
      ? {
          status: 200,
          body: [
            {
              code: 'common_status',
              name: { zh: '启用状态', en: 'Status' },
              defaultName: { zh: '启用状态', en: 'Status' },
              customName: null,
              source: 'system',
              items: [item(1, 'active', 'plugin'), item(2, 'local', 'admin')],
            },
          ],
        }
      : undefined

  it("offers delete only on administrators' items and locks a declared item's code", async () => {
    const { wrapper } = await mountPage(
      Dictionaries,
      ['system:dict:create', 'system:dict:update', 'system:dict:delete'],
      api
    )
    const rows = wrapper.find('[data-testid="dict-items"]').findAll('.el-table__body-wrapper tr')
    const declared = rows.find((row) => row.text().includes('active'))!
    const own = rows.find((row) => row.text().includes('local'))!
    expect(declared.find('[data-testid="dict-item-delete"]').exists()).toBe(false)
    expect(own.find('[data-testid="dict-item-delete"]').exists()).toBe(true)
    // A declared type cannot be deleted.
    expect(wrapper.find('[data-testid="dict-type-delete"]').exists()).toBe(false)

    await declared.find('[data-testid="dict-item-edit"]').trigger('click')
    await flushPromises()
    const code = field<HTMLInputElement>('dict-item-code', 'input')
    expect(code.disabled).toBe(true)
    wrapper.unmount()
  })
})

describe('菜单管理 page', () => {
  const menu = (code: string, source: string, deletable: boolean) => ({
    code,
    parentCode: null,
    type: 'directory',
    name: { zh: code, en: code },
    customName: null,
    sort: 1,
    customSort: null,
    permission: null,
    page: null,
    path: null,
    icon: null,
    hidden: false,
    source,
    deletable,
    children: [],
  })

  it("offers delete only on administrators' own directories", async () => {
    const { wrapper } = await mountPage(
      Menus,
      ['system:menu:update', 'system:menu:delete'],
      (call) =>
        call.path === '/api/system/menus'
          ? {
              status: 200,
              body: [menu('system:root', 'system', false), menu('admin:daily', 'admin', true)],
            }
          : undefined
    )
    const rows = wrapper.findAll('.el-table__body-wrapper tr')
    const core = rows.find((row) => row.text().includes('system:root'))!
    const own = rows.find((row) => row.text().includes('admin:daily'))!
    expect(core.find('[data-testid="menu-delete"]').exists()).toBe(false)
    expect(own.find('[data-testid="menu-delete"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="menu-create"]').exists()).toBe(false)
    wrapper.unmount()
  })
})

describe('系统提示管理 page', () => {
  it('lists prompts and saves an override with empty languages sent as null', async () => {
    const prompt = {
      key: 'validation.required',
      kind: 'validation',
      default: { zh: '{field}不能为空', en: 'The {field} field is required' },
      override: null,
      placeholders: ['field'],
      updatedBy: null,
      updatedAt: null,
    }
    const { wrapper, server } = await mountPage(
      Prompts,
      ['system:prompt:list', 'system:prompt:update'],
      (call) => {
        if (call.method === 'GET' && call.path === '/api/system/prompts')
          return { status: 200, body: { data: [prompt], meta: { total: 1, page: 1, perPage: 20 } } }
        if (call.method === 'PUT') return { status: 200, body: prompt }
        return undefined
      }
    )
    expect(wrapper.find('[data-testid="prompts-table"]').text()).toContain('{field}不能为空')

    await wrapper.find('[data-testid="prompt-edit"]').trigger('click')
    await flushPromises()
    const zh = field<HTMLTextAreaElement>('prompt-zh', 'textarea')
    zh.value = '请填写{field}'
    zh.dispatchEvent(new Event('input'))
    ;(document.querySelector('[data-testid="prompt-save"]') as HTMLButtonElement).click()
    await flushPromises()
    const put = server.calls.find((c) => c.method === 'PUT')!
    expect(put.path).toBe('/api/system/prompts/validation.required')
    expect(put.body).toEqual({ zh: '请填写{field}', en: null })
    wrapper.unmount()
  })
})
