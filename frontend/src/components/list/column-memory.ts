/*
| 列设置 remembered per user and list in localStorage: the keys of the shown
| columns. A column added to the list later shows by default (it is not in the
| remembered "hidden" set), so a saved choice never hides new information.
*/
const KEY = 'ram:list-columns'

const storageKey = (userId: string | number | undefined, list: string) =>
  `${KEY}:${userId ?? 'anonymous'}:${list}`

/** The hidden column keys the user chose for this list, or null when never chosen. */
export function loadHidden(userId: string | number | undefined, list: string): string[] | null {
  try {
    const text = localStorage.getItem(storageKey(userId, list))
    const value = text ? JSON.parse(text) : null
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : null
  } catch {
    return null
  }
}

export function saveHidden(userId: string | number | undefined, list: string, hidden: string[]) {
  try {
    localStorage.setItem(storageKey(userId, list), JSON.stringify(hidden))
  } catch {
    // Storage full or disabled: the choice lasts for this visit only.
  }
}
