import { http } from './http'
import type { CurrentUser, MeResponse } from './types'

export interface LoginResponse {
  token: string
  user: CurrentUser
}

/** Silent: the login form shows wrong-credential (400) and validation (422) messages itself. */
export const login = (username: string, password: string) =>
  http.post<LoginResponse>('/auth/login', { username, password }, { silent: true })

export const logout = () => http.post<void>('/auth/logout', undefined, { silent: true })

export const fetchMe = () => http.get<MeResponse>('/me')
