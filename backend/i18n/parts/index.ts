import identity from './identity.js'
import organization from './organization.js'
import holidays from './holidays.js'
import notices from './notices.js'
import audit from './audit.js'
import registry from './registry.js'
import connectors from './connectors.js'

export type MessagePart = Record<'zh-CN' | 'en', Record<string, string>>

export const parts: MessagePart[] = [
  identity,
  organization,
  holidays,
  notices,
  audit,
  registry,
  connectors,
]
