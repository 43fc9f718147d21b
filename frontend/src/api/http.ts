/*
| The one HTTP client every API module goes through, with the one error handler:
|   401 → session forgotten, session-expiry hook (router sends the user to /login)
|   403 PASSWORD_CHANGE_REQUIRED → password hook (router sends the user to /change-password)
|   403 / 404 / 5xx / network → ElMessage with the server's (localised) message
|   422 → ValidationError carrying {field: message}, left to the form to display
| Callers get a rejected promise in every error case so spinners stop; errors the
| client already showed are marked `handled` and the app error handler ignores them.
*/
import { ElMessage } from 'element-plus'
import { i18n } from '@/i18n'
import { forgetSession, sessionHeaders } from '../areas/identity/session'

export const API_BASE = '/api'

export interface FieldError {
  field: string
  rule?: string
  message: string
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly body: unknown = null,
    /** True when the user has already been told (toast shown or redirected to login). */
    public handled = false
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** 422: the server rejected the input; `fields` maps each field to its first message. */
export class ValidationError extends ApiError {
  readonly fields: Record<string, string>
  constructor(
    message: string,
    readonly errors: FieldError[],
    body: unknown
  ) {
    super(message, 422, body)
    this.name = 'ValidationError'
    this.fields = {}
    for (const error of errors) this.fields[error.field] ??= error.message
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>

export interface RequestOptions {
  query?: Query
  body?: unknown
  /** Do not toast errors (except 401); the caller shows them itself, e.g. the login form. */
  silent?: boolean
  /**
   * A read the console makes on its own (e.g. 系统提示 overrides after sign-in): its
   * failure neither toasts nor drives navigation, so it can never start a redirect loop.
   */
  background?: boolean
  signal?: AbortSignal
}

/** Set by the router at start-up; kept as a hook so this module does not import the router. */
export const httpHooks = {
  onUnauthorized: (): void => {},
  onPasswordChangeRequired: (): void => {},
}

/** The server's code on a 403 for a session that may only change its password. */
export const PASSWORD_CHANGE_REQUIRED = 'PASSWORD_CHANGE_REQUIRED'

export function buildUrl(path: string, query?: Query): string {
  const url = path.startsWith('/api')
    ? path
    : `${API_BASE}${path.startsWith('/') ? '' : '/'}${path}`
  if (!query) return url
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.append(key, String(value))
  }
  const qs = params.toString()
  return qs ? `${url}?${qs}` : url
}

export async function request<T = unknown>(
  method: string,
  path: string,
  options: RequestOptions = {}
): Promise<T> {
  // The session cookie goes by itself (same origin); the CSRF token goes in a header.
  const headers: Record<string, string> = { Accept: 'application/json', ...sessionHeaders() }
  if (options.body !== undefined) headers['Content-Type'] = 'application/json'

  let response: Response
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      credentials: 'same-origin',
    })
  } catch (cause) {
    if ((cause as Error)?.name === 'AbortError') throw cause
    const message = i18n.global.t('errors.network')
    if (!options.silent) ElMessage.error(message)
    throw new ApiError(message, 0, null, !options.silent)
  }

  const body = await readBody(response)
  if (response.ok) return body as T
  throw failure(response.status, body, options)
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined
  const text = await response.text()
  if (!text) return undefined
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

function failure(status: number, body: unknown, options: RequestOptions): ApiError {
  const payload = (body && typeof body === 'object' ? body : {}) as {
    message?: string
    code?: string
    errors?: FieldError[]
  }
  const message =
    payload.message ||
    (status === 403
      ? i18n.global.t('errors.forbidden')
      : i18n.global.t('errors.server', { status }))

  if (options.background) return new ApiError(message, status, body, false)
  if (status === 401) {
    forgetSession()
    httpHooks.onUnauthorized()
    return new ApiError(message, status, body, true)
  }
  // Not a missing permission: the user must change the password before anything else works.
  if (status === 403 && payload.code === PASSWORD_CHANGE_REQUIRED) {
    httpHooks.onPasswordChangeRequired()
    return new ApiError(message, status, body, true)
  }
  if (status === 422) {
    return new ValidationError(message, Array.isArray(payload.errors) ? payload.errors : [], body)
  }
  if (!options.silent) ElMessage.error(message)
  return new ApiError(message, status, body, !options.silent)
}

export const http = {
  get: <T>(path: string, query?: Query, options?: RequestOptions) =>
    request<T>('GET', path, { ...options, query }),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PUT', path, { ...options, body }),
  delete: <T = void>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
}
