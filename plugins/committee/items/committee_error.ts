/*
| A committee action the service refuses after validation: no quorum, voting not
| open, an item already on an agenda … `status` is the HTTP status a route answers
| with; both languages, because the caller may be another plugin's job.
*/
export class CommitteeError extends Error {
  constructor(
    readonly status: 403 | 404 | 409 | 422,
    readonly zh: string,
    readonly en: string
  ) {
    super(zh)
  }
}
