import type { ManifestPart } from './part.js'
import identity from '#core/auth/part'
import organization from '#core/organization/part'
import holidays from '#core/calendar/part'
import notices from '#core/notices/part'
import audit from '#core/audit/part'
import registry from '#core/registry/part'
import connectors from './connectors.js'
import ledgers from './ledgers.js'
import notifications from './notifications.js'
import query from './query.js'
import workflow from './workflow.js'
import security from '#core/security/part'
import backup from '#core/backup/part'
import logArchive from '#core/log_archive/part'
import monitor from '#core/monitor/part'
import interfaceTests from '#core/interface_tests/part'
import gateway from '#core/gateway/part'
import directorySync from '#core/directory_sync/part'
import forms from '#core/forms/part'

export const parts: ManifestPart[] = [
  identity,
  organization,
  holidays,
  notices,
  audit,
  registry,
  connectors,
  ledgers,
  notifications,
  query,
  workflow,
  security,
  backup,
  logArchive,
  monitor,
  interfaceTests,
  gateway,
  directorySync,
  forms,
]
