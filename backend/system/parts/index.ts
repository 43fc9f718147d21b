import type { ManifestPart } from './part.js'
import identity from './identity.js'
import organization from './organization.js'
import holidays from './holidays.js'
import notices from './notices.js'
import audit from './audit.js'
import registry from './registry.js'
import connectors from '#core/connectors/part'
import ledgers from '#core/ledgers/part'
import notifications from '#core/messages/part'
import deadlines from '#core/deadlines/part'
import dashboard from '#core/dashboard/part'
import pickers from '#core/pickers/part'
import extensions from '#core/extensions/part'
import jobs from '#core/jobs/part'
import health from '#core/health/part'
import exports from '#core/exports/part'
import query from '#core/query/part'
import workflow from '#core/workflow/part'
import security from './security.js'
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
  deadlines,
  dashboard,
  pickers,
  extensions,
  jobs,
  health,
  exports,
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
