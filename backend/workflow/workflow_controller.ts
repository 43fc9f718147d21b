import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { pickLocale } from '#core/i18n/messages'
import * as actions from '#core/workflow/actions'
import { addAttachment, attachmentFile } from '#core/workflow/attachments'
import { receiveUpload } from '#core/security/upload_check'
import { sendDownload } from '#core/security/downloads'
import { WorkflowError } from '#core/workflow/workflow_error'
import { applyExternalDecision } from '#core/workflow/external'
import { instanceDetail, visibleInstance } from '#core/workflow/instance_detail'
import { boxCounts, listBox, typeOptions } from '#core/workflow/task_lists'
import { taskCandidates } from '#core/workflow/task_candidates'
import {
  commentValidator,
  externalDecisionValidator,
  reasonValidator,
  returnValidator,
  taskListValidator,
  userActionValidator,
  userSearchValidator,
} from '#core/workflow/validators'

const idOf = (ctx: HttpContext) => Number(ctx.params.id)
const localeOf = (ctx: HttpContext) => pickLocale(ctx.request.header('accept-language'))

/**
 * 待办/已办/我发起的 and the approval actions (/api/workflow). Any signed-in
 * user: the boxes hold only the caller's own tasks and submissions, and every
 * action checks that the caller holds the task (or is the applicant). The
 * actions write their own history and audit rows in their transaction.
 */
export default class WorkflowController {
  async tasks(ctx: HttpContext) {
    const filters = await ctx.request.validateUsing(taskListValidator)
    return listBox(ctx.auth.user!.id, filters, localeOf(ctx))
  }

  async counts(ctx: HttpContext) {
    return boxCounts(ctx.auth.user!.id)
  }

  async types(ctx: HttpContext) {
    return typeOptions(localeOf(ctx))
  }

  async users(ctx: HttpContext) {
    const { keyword, instanceId } = await ctx.request.validateUsing(userSearchValidator)
    return taskCandidates(ctx.auth.user!.id, instanceId, keyword)
  }

  async show(ctx: HttpContext) {
    return instanceDetail(await accessOf(ctx), idOf(ctx))
  }

  /** Runs an action on an instance the caller may see (404 otherwise), then returns the new detail. */
  async #act(ctx: HttpContext, run: (actorId: number) => Promise<unknown>) {
    const access = await accessOf(ctx)
    await visibleInstance(access, idOf(ctx))
    await run(access.user.id)
    return instanceDetail(access, idOf(ctx))
  }

  async approve(ctx: HttpContext) {
    const { comment } = await ctx.request.validateUsing(commentValidator)
    return this.#act(ctx, (actorId) => actions.approve({ instanceId: idOf(ctx), actorId, comment }))
  }

  async reject(ctx: HttpContext) {
    const { comment } = await ctx.request.validateUsing(reasonValidator)
    return this.#act(ctx, (actorId) => actions.reject({ instanceId: idOf(ctx), actorId, comment }))
  }

  async return(ctx: HttpContext) {
    const { comment, toSeq } = await ctx.request.validateUsing(returnValidator)
    return this.#act(ctx, (actorId) =>
      actions.returnTo({ instanceId: idOf(ctx), actorId, comment, toSeq })
    )
  }

  async transfer(ctx: HttpContext) {
    const { comment, userId } = await ctx.request.validateUsing(userActionValidator)
    return this.#act(ctx, (actorId) =>
      actions.transfer({ instanceId: idOf(ctx), actorId, comment, userId })
    )
  }

  async addSigner(ctx: HttpContext) {
    const { comment, userId } = await ctx.request.validateUsing(userActionValidator)
    return this.#act(ctx, (actorId) =>
      actions.addSigner({ instanceId: idOf(ctx), actorId, comment, userId })
    )
  }

  async withdraw(ctx: HttpContext) {
    const { comment } = await ctx.request.validateUsing(commentValidator)
    return this.#act(ctx, (actorId) =>
      actions.withdraw({ instanceId: idOf(ctx), actorId, comment })
    )
  }

  async resubmit(ctx: HttpContext) {
    const { comment } = await ctx.request.validateUsing(commentValidator)
    return this.#act(ctx, (actorId) =>
      actions.resubmit({ instanceId: idOf(ctx), actorId, comment })
    )
  }

  /** 审批附件: multipart field `file`; size, allow-list and content are checked before the file is kept. */
  async attach(ctx: HttpContext) {
    const upload = await receiveUpload(ctx, {
      required: true,
      log: { entityType: 'wf_instance', entityId: idOf(ctx) },
    })
    if (!upload.ok)
      throw upload.missing
        ? new WorkflowError(422, 'workflow.badFile')
        : new WorkflowError(422, upload.key, upload.data)
    const access = await accessOf(ctx)
    const saved = await addAttachment(access, idOf(ctx), upload.file, upload.contentType)
    ctx.response.status(201)
    return saved
  }

  async download(ctx: HttpContext) {
    const file = await attachmentFile(await accessOf(ctx), idOf(ctx))
    await sendDownload(ctx, { ...file, entityType: 'wf_attachment', entityId: idOf(ctx) })
  }

  /** The external 授权及流程管理 system's decision, recorded by its integration user (system:workflow:external). */
  async externalDecision(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(externalDecisionValidator)
    return applyExternalDecision({ ...input, actorId: ctx.auth.user!.id })
  }
}
