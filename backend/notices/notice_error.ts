import { RuleError, type RuleData } from '#core/plugins/rule_error'

/*
| A refusal the notices service raises; the exception handler answers it in the
| API's one error shape in the user's language (backend/notices/messages.ts):
| a 422 names its field (default `id`), a 409 carries its code.
*/
export class NoticeError extends RuleError {
  constructor(
    /** 404: not there or outside the caller's scope; 409: wrong state; 422: bad input. */
    status: 404 | 409 | 422,
    /** Server text key, e.g. 'notices.notDraft'. */
    key: string,
    /** For 422: the field the message belongs to. */
    readonly field?: string,
    data: RuleData = {}
  ) {
    super(status, key, {
      data,
      problems: status === 422 ? [{ field: field ?? 'id', rule: key, key, data }] : undefined,
    })
  }
}

export const notFound = () => new NoticeError(404, 'http.notFound')
