/*
| One rule for buttons, routes and menus: the user needs ANY of the listed codes;
| '*' (super administrator) grants everything. The same code string appears in the
| backend route, the menu definition and the v-permission directive.
*/
export const ALL_PERMISSIONS = '*'

export type PermissionRequirement = string | readonly string[] | null | undefined

export function can(granted: Iterable<string>, required: PermissionRequirement): boolean {
  const set = granted instanceof Set ? (granted as Set<string>) : new Set(granted)
  if (set.has(ALL_PERMISSIONS)) return true
  if (required === null || required === undefined) return true
  const codes = typeof required === 'string' ? [required] : required
  if (codes.length === 0) return true
  return codes.some((code) => set.has(code))
}
