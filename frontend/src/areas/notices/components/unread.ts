/*
| The signed-in user's unread notice count, shared by the header bell and the
| "my notices" list so reading one in either place updates both.
*/
import { ref } from 'vue'
import { fetchUnreadCount } from '@/areas/notices/api'

export const unreadCount = ref(0)

/** Asks the server; quietly keeps the last value when the request fails (a bell is not worth a toast). */
export async function refreshUnread(): Promise<number> {
  try {
    unreadCount.value = await fetchUnreadCount({ silent: true })
  } catch {
    // 401 is handled by the client (back to login); anything else can wait for the next poll.
  }
  return unreadCount.value
}

export function setUnread(count: number): void {
  unreadCount.value = Math.max(0, count)
}
