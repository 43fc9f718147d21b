import type { ManifestPart } from './part.js'
import identity from '#core/identity/part'
import organization from '#core/organization/part'
import holidays from '#core/holidays/part'
import notices from '#core/notices/part'
import audit from '#core/audit/part'
import registry from '#core/registry/part'
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
import security from '#core/security/part'
import backup from '#core/backup/part'
import logArchive from '#core/log_archive/part'
import monitor from '#core/monitor/part'
import interfaceTests from '#core/interface_tests/part'
import gateway from '#core/gateway/part'
import directorySync from '#core/directory_sync/part'
import forms from '#core/forms/part'
import metrics from '#core/metrics/part'

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
  metrics,
]
