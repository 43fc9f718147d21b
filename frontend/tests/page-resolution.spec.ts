import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import type { Component } from 'vue'
import { i18n } from '@/i18n'
import ElementPlus from 'element-plus'
import type { MenuNode } from '@/api/types'
import {
  buildPageRegistry,
  corePageKey,
  createPageResolver,
  pageRegistry,
  pluginPageKey,
} from '@/router/pages'
import { findMenuTrail, flattenPages, menusToRoutes } from '@/router/menu-routes'

const loader = (name: string) => async () => ({ default: { name } })

const core = {
  '../pages/system/Users.vue': loader('core Users'),
  '../pages/system/Roles.vue': loader('core Roles'),
}
const plugins = {
  '../plugins/loan-notes/ui/NotesPage.vue': loader('notes'),
  '/plugins/loan-notes/ui/notes/Detail.vue': loader('detail'),
  '../plugins/system/ui/Users.vue': loader('impostor'),
}

describe('page keys', () => {
  it('core pages are keyed by their path under pages/', () => {
    expect(corePageKey('../pages/system/Users.vue')).toBe('system/Users')
    expect(corePageKey('/src/pages/reports/monthly/Summary.vue')).toBe('reports/monthly/Summary')
  })

  it("an area's pages keep the key their menus name", () => {
    expect(corePageKey('../areas/notices/pages/system/Notices.vue')).toBe('system/Notices')
    expect(corePageKey('../areas/notices/components/NoticeBell.vue')).toBeNull()
  })

  it('plugin pages are keyed <plugin id>/<path under ui/>', () => {
    expect(pluginPageKey('../plugins/loan-notes/ui/NotesPage.vue')).toBe('loan-notes/NotesPage')
    expect(pluginPageKey('/work/main/plugins/loan-notes/ui/notes/Detail.vue')).toBe(
      'loan-notes/notes/Detail'
    )
    expect(pluginPageKey('../plugins/loan-notes/components/X.vue')).toBeNull()
  })
})

describe('resolvePage', () => {
  const resolve = createPageResolver(buildPageRegistry(core, plugins))

  it('returns the lazy loader for core and plugin keys', async () => {
    expect(resolve('system/Users')).toBe(core['../pages/system/Users.vue'])
    expect(resolve('loan-notes/NotesPage')).toBe(plugins['../plugins/loan-notes/ui/NotesPage.vue'])
    expect(resolve('loan-notes/notes/Detail')).toBe(
      plugins['/plugins/loan-notes/ui/notes/Detail.vue']
    )
  })

  it('lets a core page win over a plugin that claims the same key', () => {
    expect(resolve('system/Users')).toBe(core['../pages/system/Users.vue'])
  })

  it('returns a "page not installed" page naming the missing key', () => {
    const missing = resolve('collection/Calls') as Component
    const wrapper = mount(missing, { global: { plugins: [i18n, ElementPlus] } })
    expect(wrapper.text()).toContain('页面未安装')
    expect(wrapper.text()).toContain('collection/Calls')
  })

  it('finds every core system page in the real build-time registry', () => {
    for (const key of [
      'Users',
      'Roles',
      'Orgs',
      'Menus',
      'Dictionaries',
      'Plugins',
      'Settings',
      'Jobs',
    ]) {
      expect(pageRegistry.has(`system/${key}`), `system/${key}`).toBe(true)
    }
  })
})

describe('menus → routes', () => {
  const menus: MenuNode[] = [
    {
      code: 'system',
      type: 'directory',
      name: { zh: '系统管理', en: 'System' },
      path: '/system',
      page: null,
      icon: 'Setting',
      children: [
        {
          code: 'system:users',
          type: 'page',
          name: { zh: '用户管理', en: 'Users' },
          path: '/system/users',
          page: 'system/Users',
          icon: 'User',
          children: [],
        },
        {
          code: 'system:roles',
          type: 'page',
          name: { zh: '角色管理', en: 'Roles' },
          path: '/system/roles',
          page: 'system/Roles',
          icon: null,
          children: [],
        },
      ],
    },
    {
      code: 'loan-notes',
      type: 'directory',
      name: { zh: '借据管理', en: 'Loan notes' },
      path: '',
      page: null,
      icon: null,
      children: [
        {
          code: 'loan-notes:notes',
          type: 'page',
          name: { zh: '借据台账', en: 'Notes' },
          path: '/p/loan-notes/NotesPage',
          page: 'loan-notes/NotesPage',
          icon: null,
          children: [],
        },
        {
          code: 'loan-notes:gone',
          type: 'page',
          name: { zh: '旧页面', en: 'Old' },
          path: '',
          page: 'loan-notes/Gone',
          icon: null,
          children: [],
        },
      ],
    },
  ]
  const resolve = createPageResolver(buildPageRegistry(core, plugins))
  const routes = menusToRoutes(menus, resolve)

  it('makes one route per page menu and none for directories', () => {
    expect(routes.map((r) => r.path)).toEqual([
      '/system/users',
      '/system/roles',
      '/p/loan-notes/NotesPage',
      '/p/loan-notes/Gone',
    ])
  })

  it('binds the resolved page and keeps the menu name for tabs', () => {
    const notes = routes.find((r) => r.path === '/p/loan-notes/NotesPage')!
    expect(notes.component).toBe(plugins['../plugins/loan-notes/ui/NotesPage.vue'])
    expect(notes.meta).toMatchObject({
      title: { zh: '借据台账', en: 'Notes' },
      menuCode: 'loan-notes:notes',
      page: 'loan-notes/NotesPage',
    })
    expect(notes.name).toBe('menu:loan-notes:notes')
  })

  it('gives a page without a path the default /p/<page key>', () => {
    const gone = routes.find((r) => r.name === 'menu:loan-notes:gone')!
    expect(gone.path).toBe('/p/loan-notes/Gone')
    expect((gone.component as any).name).toBe('MissingPage')
  })

  it('builds the breadcrumb trail from the menu tree', () => {
    expect(findMenuTrail(menus, '/system/roles').map((m) => m.name.zh)).toEqual([
      '系统管理',
      '角色管理',
    ])
    expect(findMenuTrail(menus, '/nowhere')).toEqual([])
    expect(flattenPages(menus).map((m) => m.code)).toEqual([
      'system:users',
      'system:roles',
      'loan-notes:notes',
      'loan-notes:gone',
    ])
  })
})
