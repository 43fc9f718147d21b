/*
| Routes of the 系统管理 audit area (under /api/system/audit, each with its permission code).
| An export needs both the export code and the list code of the log it exports;
| the list code is checked last, so it is the one the data scope follows.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const AuditController = () => import('#core/controllers/system/audit_controller')

const can = (permission: string) => middleware.can({ permission })

/* The export job is declared in system/parts/audit.ts; PluginProvider registers it. */

router
  .group(() => {
    router.get('/login-logs', [AuditController, 'loginLogs']).use(can('system:audit:login-log'))
    router
      .post('/login-logs/export', [AuditController, 'exportLoginLogs'])
      .use([can('system:audit:export'), can('system:audit:login-log')])

    router
      .get('/operation-logs', [AuditController, 'operationLogs'])
      .use(can('system:audit:operation-log'))
    router
      .get('/operation-logs/actions', [AuditController, 'operationActions'])
      .use(can('system:audit:operation-log'))
    router
      .get('/operation-logs/:id', [AuditController, 'operationLog'])
      .use(can('system:audit:operation-log'))
    router
      .post('/operation-logs/export', [AuditController, 'exportOperationLogs'])
      .use([can('system:audit:export'), can('system:audit:operation-log')])

    router
      .get('/security-logs', [AuditController, 'securityLogs'])
      .use(can('system:audit:security-log'))

    router
      .get('/exports/:jobId/download', [AuditController, 'download'])
      .use(can('system:audit:export'))
  })
  .prefix('/api/system/audit')
  .use(middleware.auth())
