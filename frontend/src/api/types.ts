/* Shapes shared by the API contract (see the backend's /api routes). */
import type { Localized } from '@/i18n'

export type { Localized }

export interface CurrentUser {
  id: number | string
  username: string
  realName: string
  orgId: number | string | null
  orgName: string | null
  locale: string | null
  mustChangePassword: boolean
}

export interface RoleRef {
  code: string
  name: string
}

export interface MenuNode {
  code: string
  type: 'directory' | 'page'
  name: Localized
  /** Console route path, e.g. '/system/users' or '/p/loan-notes/NotesPage'. */
  path: string
  /** Page key resolved by router/pages.ts; null for directories. */
  page: string | null
  /** Element Plus icon component name, e.g. 'Setting'. */
  icon: string | null
  children: MenuNode[]
}

export interface MeResponse {
  user: CurrentUser
  roles: RoleRef[]
  permissions: string[]
  menus: MenuNode[]
}

export interface DictItem {
  code: string
  label: Localized
  /** An Element Plus tag type (primary/success/warning/danger/info) or a CSS colour. */
  color: string | null
}

export type Dictionaries = Record<string, DictItem[]>

export type JobStatus = 'queued' | 'running' | 'completed' | 'failed'

export interface JobInfo {
  id: string | number
  name: string
  status: JobStatus
  progress: number
  message: string | null
  result: unknown
  error: string | null
}

export interface PageMeta {
  total: number
  page: number
  perPage: number
  /** Keyset paging (lists that support it): cursors of the next / previous page, null at an end. */
  nextCursor?: string | null
  prevCursor?: string | null
}

export interface Paginated<T> {
  data: T[]
  meta: PageMeta
}

export interface ListQuery {
  page?: number
  perPage?: number
  /** Keyset paging: a cursor from the last answer (see composables/cursorStep.ts). */
  after?: string
  before?: string
  keyword?: string
  sort?: string
  order?: 'asc' | 'desc'
  [extra: string]: string | number | boolean | null | undefined
}
