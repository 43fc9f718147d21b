/*
| A refusal of the workflow service; the controller turns it into the API's one
| error shape in the user's language (backend/workflow/messages.ts).
| A plugin handler's own refusal carries its message as is (`handlerMessage`).
*/
export class WorkflowError extends Error {
  constructor(
    /** 404: not there or not yours; 409: wrong state; 422: bad input or refused by the business handler. */
    readonly status: 404 | 409 | 422,
    /** Server text key, e.g. 'workflow.notPending'. */
    readonly key: string,
    readonly data: Record<string, unknown> = {},
    /** The business handler's message, shown instead of the key's text. */
    readonly handlerMessage?: string
  ) {
    super(handlerMessage ?? key)
    this.name = 'WorkflowError'
  }
}

export const notFound = () => new WorkflowError(404, 'http.notFound')
