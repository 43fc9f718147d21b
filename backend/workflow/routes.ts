/*
| Routes of 授权及流程 (approval workflow).
|
| /api/workflow/...        — 待办/已办/我发起的 and the approval actions. Like
| /api/notices/mine they need only a signed-in user: holding the task (or being
| the applicant) is the access rule, checked on every instance by the service
| (backend/workflow/instance_detail.ts, actions.ts); an approval that is not
| yours is a 404. A grantable code would let a role created without it block
| the approvers a chain names.
|
| /api/system/workflow/... — 流程管理, each route with its `system:workflow:*` code.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const WorkflowController = () => import('#core/workflow/workflow_controller')
const WorkflowChainsController = () => import('#core/workflow/workflow_chains_controller')

const can = (permission: string) => middleware.can({ permission })
const numericId = router.matchers.number()

router
  .group(() => {
    router
      .group(() => {
        router.get('/tasks', [WorkflowController, 'tasks'])
        router.get('/counts', [WorkflowController, 'counts'])
        router.get('/types', [WorkflowController, 'types'])
        router.get('/users', [WorkflowController, 'users'])
        router.get('/instances/:id', [WorkflowController, 'show']).where('id', numericId)
        for (const [action, method] of [
          ['approve', 'approve'],
          ['reject', 'reject'],
          ['return', 'return'],
          ['transfer', 'transfer'],
          ['add-signer', 'addSigner'],
          ['withdraw', 'withdraw'],
          ['resubmit', 'resubmit'],
        ] as const)
          router
            .post(`/instances/:id/${action}`, [WorkflowController, method])
            .where('id', numericId)
        router
          .post('/instances/:id/attachments', [WorkflowController, 'attach'])
          .where('id', numericId)
        router.get('/attachments/:id', [WorkflowController, 'download']).where('id', numericId)
        router
          .post('/external/decision', [WorkflowController, 'externalDecision'])
          .use(can('system:workflow:external'))
      })
      .prefix('/workflow')

    router
      .group(() => {
        router.get('/types', [WorkflowChainsController, 'index']).use(can('system:workflow:list'))
        router
          .get('/options', [WorkflowChainsController, 'options'])
          .use(can('system:workflow:list'))
        router
          .get('/types/:code', [WorkflowChainsController, 'show'])
          .use(can('system:workflow:list'))
        router
          .put('/types/:code', [WorkflowChainsController, 'update'])
          .use(can('system:workflow:update'))
      })
      .prefix('/system/workflow')
  })
  .prefix('/api')
  .use(middleware.auth())
