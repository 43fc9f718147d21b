import identity from '#core/identity/messages'
import organization from '#core/organization/messages'
import holidays from '#core/holidays/messages'
import notices from '#core/notices/messages'
import audit from '#core/audit/messages'
import registry from '#core/registry/messages'
import connectors from '#core/connectors/messages'
import ledgers from '#core/ledgers/messages'
import dashboard from '#core/dashboard/messages'
import workflow from '#core/workflow/messages'
import query from '#core/query/messages'
import messages from '#core/messages/messages'
import webSecurity from '#core/security/web_messages'
import security from '#core/security/messages'
import sensitive from '#core/security/sensitive/messages'
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
