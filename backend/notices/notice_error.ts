/*
| A refusal the notices service raises; the controller turns it into the API's
| one error shape in the user's language (backend/i18n/parts/notices.ts).
*/
export class NoticeError extends Error {
  constructor(
    /** 404: not there or outside the caller's scope; 409: wrong state; 422: bad input. */
    readonly status: 404 | 409 | 422,
    /** Server text key, e.g. 'notices.notDraft'. */
    readonly key: string,
    /** For 422: the field the message belongs to. */
    readonly field?: string,
    readonly data: Record<string, unknown> = {}
  ) {
    super(key)
    this.name = 'NoticeError'
  }
}

export const notFound = () => new NoticeError(404, 'http.notFound')
