/* Sign-in, captcha, password change, sign-out and "who am I" (backend/start/routes/identity.ts). */
import { http } from '@/api/http'
import type { CurrentUser, MeResponse } from '@/api/types'

/** Why the server restricted a fresh session to the password form. */
export type PasswordChangeReason = 'initial' | 'expired'

/** The session token is not in the answer: it arrives as an HttpOnly cookie (api/session.ts). */
export interface LoginResponse {
  user: Pick<CurrentUser, 'id' | 'username' | 'realName'>
  mustChangePassword: boolean
  passwordChangeReason?: PasswordChangeReason
}

/** Body of a refused sign-in (400). INVALID also covers a disabled account: the server never says which. */
export interface LoginFailure {
  message: string
  code: 'INVALID' | 'CAPTCHA' | 'LOCKED' | 'DISABLED'
  captchaRequired: boolean
  /** ISO timestamp, present with LOCKED. */
  lockedUntil?: string
}

export interface LoginInput {
  username: string
  password: string
  captchaId?: string
  captchaAnswer?: string
}

export interface Captcha {
  id: string
  /** data: URL of an SVG image. */
  image: string
}

/** Silent: the login form shows wrong-credential (400), lockout and validation (422) messages itself. */
export const login = (input: LoginInput) =>
  http.post<LoginResponse>('/auth/login', input, { silent: true })

/** 单点登录: the portal's single-use ticket for a session (silent: the landing page says why not). */
export const ssoLogin = (provider: string, ticket: string) =>
  http.post<LoginResponse>('/auth/sso', { provider, ticket }, { silent: true })

/** A fresh, single-use captcha; the previous one is spent by any attempt that carried it. */
export const fetchCaptcha = () => http.get<Captcha>('/auth/captcha')

/** The server sets a new full session cookie and ends every other session of the user. */
export const changePassword = (oldPassword: string, newPassword: string) =>
  http.post<Record<string, never>>('/auth/password', { oldPassword, newPassword })

export const logout = () => http.post<void>('/auth/logout', undefined, { silent: true })

export const fetchMe = () => http.get<MeResponse>('/me')
