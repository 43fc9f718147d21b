/*
| 消息类型: every kind of message `notify()` may send, and on which channels.
| Core declares its own here; plugins add theirs through the manifest field
| `messageTypes`. In-app (站内信) is always on and cannot be muted: the console
| is where a clerk works, so a message must never be lost to a preference.
*/
import { enabledPlugins } from '#core/plugins/registry'
import type { MessageChannel, MessageTypeDefinition } from '#core/plugins/types'

export type { MessageChannel, MessageTypeDefinition }

export const CHANNELS: readonly MessageChannel[] = ['inapp', 'email', 'sms']
export const MUTABLE_CHANNELS = ['email', 'sms'] as const
export type MutableChannel = (typeof MUTABLE_CHANNELS)[number]

export const coreMessageTypes: MessageTypeDefinition[] = [
  {
    type: 'workflow.task',
    name: { zh: '待办审批', en: 'Approval task' },
    channels: ['inapp', 'email'],
    optional: ['email'],
  },
  {
    type: 'workflow.result',
    name: { zh: '审批结果', en: 'Approval result' },
    channels: ['inapp', 'email'],
    optional: ['email'],
  },
  {
    // An account locked from all addresses (security/lockout_notice.ts).
    type: 'security.lockout',
    name: { zh: '账号锁定告警', en: 'Account lockout alert' },
    channels: ['inapp', 'email'],
    optional: ['email'],
  },
  {
    type: 'deadline.reminder',
    name: { zh: '时效提醒', en: 'Deadline reminder' },
    channels: ['inapp', 'email', 'sms'],
    optional: ['sms'],
  },
]

let loaded: Promise<Map<string, MessageTypeDefinition>> | undefined

async function load() {
  const byType = new Map<string, MessageTypeDefinition>()
  const add = (definition: MessageTypeDefinition, owner: string) => {
    if (byType.has(definition.type))
      throw new Error(`Message type "${definition.type}" (${owner}) is declared twice`)
    const channels = [...new Set<MessageChannel>(['inapp', ...definition.channels])]
    const optional = (definition.optional ?? []).filter((c) => channels.includes(c))
    byType.set(definition.type, { ...definition, channels, optional })
  }
  for (const definition of coreMessageTypes) add(definition, 'core')
  for (const plugin of await enabledPlugins())
    for (const definition of plugin.manifest.messageTypes ?? []) {
      // A plugin's types carry its id, so two plugins can never claim one code.
      if (!definition.type.startsWith(`${plugin.id}.`))
        throw new Error(
          `Message type "${definition.type}" of plugin "${plugin.id}" must start with "${plugin.id}."`
        )
      add(definition, plugin.id)
    }
  return byType
}

export const messageTypes = {
  async all(): Promise<MessageTypeDefinition[]> {
    return [...(await (loaded ??= load())).values()]
  },

  /** The type's definition; an undeclared type is a programming error. */
  async get(type: string): Promise<MessageTypeDefinition> {
    const definition = (await (loaded ??= load())).get(type)
    if (!definition) throw new Error(`Message type "${type}" is not declared`)
    return definition
  },
}
