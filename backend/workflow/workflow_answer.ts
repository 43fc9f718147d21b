import type { HttpContext } from '@adonisjs/core/http'
import { WorkflowError } from '#core/workflow/workflow_error'

/**
 * The workflow service's refusals in the API's one error shape, in the caller's
 * language. A business handler's refusal carries the handler's own message.
 */
export async function workflowAnswer<T>(ctx: HttpContext, work: () => Promise<T>) {
  try {
    return await work()
  } catch (error) {
    if (!(error instanceof WorkflowError)) throw error
    const message = error.handlerMessage ?? ctx.i18n(error.key, error.data)
    // A state conflict carries its key, so the console can tell it from 防重复提交's 409.
    return ctx.response
      .status(error.status)
      .send(error.status === 404 ? { message } : { message, code: error.key })
  }
}
