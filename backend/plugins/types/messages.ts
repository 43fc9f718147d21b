/*
| Message types a plugin sends through the core notifications (消息提醒, `notify()`).
*/
import type { Localized } from './common.js'

/** A message channel: 站内信 (in-app), e-mail, SMS. */
export type MessageChannel = 'inapp' | 'email' | 'sms'

/** A kind of message the plugin sends through `notify()` (消息提醒). */
export interface MessageTypeDefinition {
  /** Unique code, `<plugin>.<name>` (core: `workflow.task`, `deadline.reminder`, …). */
  type: string
  name: Localized
  /** Channels the message goes out on; in-app is always included. */
  channels: MessageChannel[]
  /** Channels a user may mute in their preferences (never in-app). */
  optional?: Array<'email' | 'sms'>
}
