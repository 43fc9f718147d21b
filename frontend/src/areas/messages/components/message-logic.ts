/*
| Console logic of 消息中心, kept out of the components so Vitest can check it:
| which preference switches exist and may change, the payload they save, and
| how a deadline's urgency is shown.
*/
import type { MessageChannel, MessagePreference, MyDeadline } from '@/areas/messages/api'

export const CHANNEL_ORDER: MessageChannel[] = ['inapp', 'email', 'sms']

export interface ChannelSwitch {
  channel: MessageChannel
  /** The type uses this channel at all. */
  used: boolean
  /** Delivered (not muted). */
  on: boolean
  /** The user may change it (an optional channel); in-app never. */
  editable: boolean
}

export interface PreferenceRow {
  type: string
  name: MessagePreference['name']
  switches: ChannelSwitch[]
}

export function preferenceRows(preferences: MessagePreference[]): PreferenceRow[] {
  return preferences.map((p) => ({
    type: p.type,
    name: p.name,
    switches: CHANNEL_ORDER.map((channel) => {
      const used = p.channels.includes(channel)
      const editable = used && channel !== 'inapp' && p.optional.includes(channel)
      const muted = channel !== 'inapp' && p.muted.includes(channel)
      return { channel, used, on: used && !muted, editable }
    }),
  }))
}

/** What PUT /api/messages/preferences expects: per type, the optional channels switched off. */
export function mutedPayload(rows: PreferenceRow[]) {
  return rows
    .map((row) => ({
      type: row.type,
      channels: row.switches
        .filter((s) => s.editable && !s.on)
        .map((s) => s.channel as 'email' | 'sms'),
    }))
    .filter((entry) => entry.channels.length > 0)
}

/** Tag colour of a deadline: overdue red, within 3 working days orange, else neutral. */
export function deadlineUrgency(deadline: Pick<MyDeadline, 'overdue' | 'workingDaysLeft'>) {
  if (deadline.overdue) return 'danger' as const
  if (deadline.workingDaysLeft <= 3) return 'warning' as const
  return 'info' as const
}

/** Only console paths are followed from a message; anything else is ignored (no open redirect). */
export function consolePath(link: string | null | undefined): string | null {
  if (!link || !link.startsWith('/') || link.startsWith('//')) return null
  return link
}
