import identity from './identity.js'
import organization from './organization.js'
import holidays from './holidays.js'
import notices from './notices.js'
import audit from './audit.js'
import registry from './registry.js'
import connectors from '#core/connectors/messages'
import ledgers from '#core/ledgers/messages'
import dashboard from '#core/dashboard/messages'
import workflow from '#core/workflow/messages'
import query from '#core/query/messages'
import messages from '#core/messages/messages'
import webSecurity from './web_security.js'
import security from './security.js'
import sensitive from './sensitive.js'
import monitor from '#core/monitor/messages'
import interfaceTests from '#core/interface_tests/messages'
import gateway from '#core/gateway/messages'
import directorySync from '#core/directory_sync/messages'
import forms from '#core/forms/messages'

export type MessagePart = Record<'zh-CN' | 'en', Record<string, string>>

export const parts: MessagePart[] = [
  identity,
  organization,
  holidays,
  notices,
  audit,
  registry,
  connectors,
  ledgers,
  dashboard,
  workflow,
  query,
  messages,
  webSecurity,
  security,
  sensitive,
  monitor,
  interfaceTests,
  gateway,
  directorySync,
  forms,
]
