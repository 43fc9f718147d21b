/*
| The signed-in user's unread message count, shared by the header bell, the
| bell's list and the 消息中心 page, so reading a message anywhere updates all.
*/
import { ref } from 'vue'
import { fetchMessageUnreadCount } from '@/areas/messages/api'

export const messageUnread = ref(0)

/** Asks the server; keeps the last value when the request fails (a badge is not worth a toast). */
export async function refreshMessageUnread(): Promise<number> {
  try {
    messageUnread.value = await fetchMessageUnreadCount({ silent: true })
  } catch {
    // 401 is handled by the client; anything else can wait for the next poll.
  }
  return messageUnread.value
}

export function setMessageUnread(count: number): void {
  messageUnread.value = Math.max(0, count)
}
