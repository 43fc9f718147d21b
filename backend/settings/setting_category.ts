/*
| 业务参数 vs 技术参数 — the one place that decides a parameter's category.
|
| 1. An explicit `settings.category` (business | technical) wins. Nothing sets it
|    yet: the manifest's SettingDefinition has no category, and the column is
|    there for when it does (or for a migration that reclassifies a key).
| 2. Otherwise keys under these prefixes are 技术参数 (the operators' knobs:
|    sign-in, password policy, sessions, paging, security guards, four-eyes,
|    audit masking), and everything else —
|    core's other keys and every plugin's — is 业务参数.
*/
export type SettingCategory = 'business' | 'technical'

export const SETTING_CATEGORIES: readonly SettingCategory[] = ['business', 'technical']

export const TECHNICAL_KEY_PREFIXES = [
  'system.login.',
  'system.password.',
  'system.session.',
  'system.page.',
  'system.security.',
  'system.fourEyes.',
  'system.audit.',
] as const

export function settingCategory(key: string, explicit?: string | null): SettingCategory {
  if (explicit === 'business' || explicit === 'technical') return explicit
  return TECHNICAL_KEY_PREFIXES.some((prefix) => key.startsWith(prefix)) ? 'technical' : 'business'
}
