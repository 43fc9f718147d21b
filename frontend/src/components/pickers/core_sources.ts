/*
| The core's picker sources (server: backend/services/pickers/): people and the
| org tree, each answered inside the caller's data scope.
|
|   <RecordPicker v-model="form.userId" :source="userSource()" />
|   <UserPicker v-model="form.handlerId" permission="disposal:plan:approve"
|               :record-org-id="plan.orgId" :record-owner-id="plan.managerId" />
|   <OrgPicker v-model="form.orgId" />
*/
import { http } from '@/api/http'
import type { OrgNode } from '@/areas/organization/api'
import type { PickerPage, PickerSource } from './picker_source'

export interface UserSourceOptions {
  /** Only holders of this permission code… */
  permission?: string
  /** …whose data scope covers the record of this org (and owner, for 仅本人 holders). */
  recordOrgId?: number | null
  recordOwnerId?: number | null
  /** Only users of this org and below. */
  orgId?: number | null
}

const present = (value: number | null | undefined) => (value ? value : undefined)

/** Active users by name, username or org; with a record, only the people it may be assigned to. */
export const userSource =
  (options: UserSourceOptions = {}): PickerSource =>
  (query) =>
    http.get<PickerPage>('/pickers/users', {
      keyword: query.keyword || undefined,
      page: query.page,
      perPage: query.perPage,
      ids: query.ids?.join(','),
      permission: options.permission,
      recordOrgId: present(options.recordOrgId),
      recordOwnerId: options.recordOrgId ? present(options.recordOwnerId) : undefined,
      orgId: present(options.orgId),
    })

export type OrgScope = 'mine' | 'all'

/** Trees already asked for, per scope: a form with three org pickers asks once. */
const trees = new Map<OrgScope, Promise<OrgNode[]>>()

/** The active org tree: `mine` = the caller's data scope, `all` = every org (filters). */
export function orgTree(scope: OrgScope = 'mine'): Promise<OrgNode[]> {
  let tree = trees.get(scope)
  if (!tree) {
    tree = http.get<OrgNode[]>('/pickers/orgs', { scope })
    tree.catch(() => trees.delete(scope))
    trees.set(scope, tree)
  }
  return tree
}

/** Forgets the cached trees (after an org is added or moved, and between tests). */
export function forgetOrgTrees(): void {
  trees.clear()
}
