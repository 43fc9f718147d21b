/*
| A refusal of the workflow service: a RuleError (backend/plugins/rule_error.ts),
| so the exception handler answers it in the user's language from the texts in
| backend/workflow/messages.ts; a state conflict (409) carries its `code`, so the
| console can tell it from 防重复提交's 409.
| A plugin handler's own refusal carries its message as is (`handlerMessage`).
*/
import { RuleError, type RuleData } from '#core/plugins/rule_error'

export class WorkflowError extends RuleError {
  constructor(
    /** 404: not there or not yours; 409: wrong state; 422: bad input or refused by the business handler. */
    status: 404 | 409 | 422,
    /** Server text key, e.g. 'workflow.notPending'. */
    key: string,
    data: RuleData = {},
    /** The business handler's message, shown instead of the key's text. */
    handlerMessage?: string
  ) {
    super(status, key, { data, message: handlerMessage })
  }

  get handlerMessage() {
    return this.readyMessage
  }
}

export const notFound = () => new WorkflowError(404, 'http.notFound')
