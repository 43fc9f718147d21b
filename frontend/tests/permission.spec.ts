import { describe, expect, it } from 'vitest'
import { defineComponent } from 'vue'
import { can } from '@/utils/permission'
import { useAuthStore } from '@/stores/auth'
import { mountInConsole, signedInAs } from './helpers'

describe('permission rule', () => {
  it("'*' grants every code", () => {
    expect(can(['*'], 'loan-notes:note:delete')).toBe(true)
    expect(can(['*'], ['a:b:c'])).toBe(true)
  })

  it('a specific code grants only itself', () => {
    expect(can(['loan-notes:note:list'], 'loan-notes:note:list')).toBe(true)
    expect(can(['loan-notes:note:list'], 'loan-notes:note:delete')).toBe(false)
    expect(can(['loan-notes:note:list'], 'loan-notes:note')).toBe(false)
  })

  it('an array needs any one of its codes', () => {
    expect(can(['b'], ['a', 'b'])).toBe(true)
    expect(can(['c'], ['a', 'b'])).toBe(false)
  })

  it('no requirement means allowed; no permissions means nothing else', () => {
    expect(can([], undefined)).toBe(true)
    expect(can([], [])).toBe(true)
    expect(can([], 'x')).toBe(false)
  })

  it('the auth store answers with the signed-in user permissions', () => {
    signedInAs(['system:user:list'])
    const auth = useAuthStore()
    expect(auth.hasPermission('system:user:list')).toBe(true)
    expect(auth.hasPermission('system:menu:update')).toBe(false)
    auth.permissions = ['*']
    expect(auth.hasPermission('system:menu:update')).toBe(true)
  })
})

describe('v-permission', () => {
  const Toolbar = defineComponent({
    template: `
      <div>
        <button v-permission="'loan-notes:note:create'" data-testid="create">新增</button>
        <button v-permission="'loan-notes:note:delete'" data-testid="delete">删除</button>
        <button v-permission="['x:y:z', 'loan-notes:note:export']" data-testid="export">导出</button>
      </div>`,
  })

  it('removes elements the user may not use', () => {
    const wrapper = mountInConsole(
      Toolbar,
      signedInAs(['loan-notes:note:create', 'loan-notes:note:export'])
    )
    expect(wrapper.find('[data-testid=create]').exists()).toBe(true)
    expect(wrapper.find('[data-testid=delete]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=export]').exists()).toBe(true)
  })

  it("keeps everything for '*'", () => {
    const wrapper = mountInConsole(Toolbar, signedInAs(['*']))
    expect(wrapper.findAll('button')).toHaveLength(3)
  })
})
