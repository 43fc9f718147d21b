/*
| Who is signed in and what they may do: whether a session exists, /api/me (user,
| roles, permission codes, menu tree). Routes and the side menu are derived from
| `menus`. The session token itself is an HttpOnly cookie this code never sees
| (api/session.ts); `signedIn` starts from the CSRF cookie that comes with it.
|
| A session whose password must be changed first (initial password, reset by an
| administrator, or expired) has no permissions and no menus; the router keeps
| it on /change-password until the change hands back a full session token.
*/
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as authApi from '@/areas/identity/api'
import { forgetSession, hasSession } from '@/areas/identity/session'
import { loadPromptOverrides } from '@/i18n/prompt_overrides'
import type { CurrentUser, MenuNode, RoleRef } from '@/api/types'
import { can, type PermissionRequirement } from '@/utils/permission'

export interface CaptchaAnswer {
  id: string
  answer: string
}

export const useAuthStore = defineStore('auth', () => {
  const signedIn = ref(hasSession())
  const user = ref<CurrentUser | null>(null)
  const roles = ref<RoleRef[]>([])
  const permissions = ref<string[]>([])
  const menus = ref<MenuNode[]>([])
  const loaded = ref(false)
  /** Known only from the login answer; /api/me says that a change is due, not why. */
  const passwordChangeReason = ref<authApi.PasswordChangeReason | null>(null)

  const permissionSet = computed(() => new Set(permissions.value))
  const isLoggedIn = computed(() => signedIn.value)
  const mustChangePassword = computed(() => !!user.value?.mustChangePassword)

  function hasPermission(required: PermissionRequirement): boolean {
    return can(permissionSet.value, required)
  }

  /** Signs in (the server sets the session cookies); the caller routes by `mustChangePassword` of the answer. */
  async function login(
    username: string,
    password: string,
    captcha?: CaptchaAnswer | null
  ): Promise<authApi.LoginResponse> {
    const result = await authApi.login({
      username,
      password,
      ...(captcha ? { captchaId: captcha.id, captchaAnswer: captcha.answer } : {}),
    })
    adoptSession()
    passwordChangeReason.value = result.mustChangePassword
      ? (result.passwordChangeReason ?? null)
      : null
    return result
  }

  /** 单点登录 from the 信贷门户: the ticket opens a full session (the portal vouches, no password form). */
  async function loginWithTicket(provider: string, ticket: string): Promise<void> {
    await authApi.ssoLogin(provider, ticket)
    adoptSession()
    passwordChangeReason.value = null
  }

  /**
   * Changes the password; the server replaces the session cookie with a full
   * session (the old one is gone, with every other session of the user). The caller reloads
   * /api/me through the router's session loader, which also installs the menus.
   */
  async function changePassword(oldPassword: string, newPassword: string): Promise<void> {
    await authApi.changePassword(oldPassword, newPassword)
    adoptSession()
    passwordChangeReason.value = null
  }

  function adoptSession(): void {
    signedIn.value = true
    loaded.value = false
  }

  async function loadMe(): Promise<void> {
    const me = await authApi.fetchMe()
    user.value = me.user
    roles.value = me.roles ?? []
    permissions.value = me.permissions ?? []
    menus.value = me.menus ?? []
    loaded.value = true
    // 系统提示管理's console texts, once signed in with a full session (a session held at
    // the password form may call nothing else; it loads them after the change).
    if (!me.user?.mustChangePassword) void loadPromptOverrides()
  }

  async function logout(): Promise<void> {
    try {
      if (signedIn.value) await authApi.logout()
    } catch {
      // The session is dropped locally either way; a failed server logout only means it expires on its own.
    }
    reset()
  }

  /** Forget the session locally (also used when the server answers 401). */
  function reset(): void {
    forgetSession()
    signedIn.value = false
    user.value = null
    roles.value = []
    permissions.value = []
    menus.value = []
    loaded.value = false
    passwordChangeReason.value = null
  }

  return {
    signedIn,
    user,
    roles,
    permissions,
    menus,
    loaded,
    passwordChangeReason,
    isLoggedIn,
    mustChangePassword,
    hasPermission,
    login,
    loginWithTicket,
    changePassword,
    loadMe,
    logout,
    reset,
  }
})
