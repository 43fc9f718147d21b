/*
| Who is signed in and what they may do: token, /api/me (user, roles, permission
| codes, menu tree). Routes and the side menu are derived from `menus`.
*/
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as authApi from '@/api/auth'
import { clearToken, getToken, setToken } from '@/api/token'
import type { CurrentUser, MenuNode, RoleRef } from '@/api/types'
import { can, type PermissionRequirement } from '@/utils/permission'

export const useAuthStore = defineStore('auth', () => {
  const token = ref<string | null>(getToken())
  const user = ref<CurrentUser | null>(null)
  const roles = ref<RoleRef[]>([])
  const permissions = ref<string[]>([])
  const menus = ref<MenuNode[]>([])
  const loaded = ref(false)

  const permissionSet = computed(() => new Set(permissions.value))
  const isLoggedIn = computed(() => !!token.value)

  function hasPermission(required: PermissionRequirement): boolean {
    return can(permissionSet.value, required)
  }

  async function login(username: string, password: string): Promise<void> {
    const result = await authApi.login(username, password)
    setToken(result.token)
    token.value = result.token
    loaded.value = false
  }

  async function loadMe(): Promise<void> {
    const me = await authApi.fetchMe()
    user.value = me.user
    roles.value = me.roles ?? []
    permissions.value = me.permissions ?? []
    menus.value = me.menus ?? []
    loaded.value = true
  }

  async function logout(): Promise<void> {
    try {
      if (token.value) await authApi.logout()
    } catch {
      // The token is dropped locally either way; a failed server logout only means it expires on its own.
    }
    reset()
  }

  /** Forget the session locally (also used when the server answers 401). */
  function reset(): void {
    clearToken()
    token.value = null
    user.value = null
    roles.value = []
    permissions.value = []
    menus.value = []
    loaded.value = false
  }

  return {
    token,
    user,
    roles,
    permissions,
    menus,
    loaded,
    isLoggedIn,
    hasPermission,
    login,
    loadMe,
    logout,
    reset,
  }
})
