import { RuleError } from '#core/plugins/rule_error'

/*
| A refusal the user can act on: its status (404 / 409 / 422 / 503) and the message, as is. A RuleError:
| the exception handler answers it ({ message, code }; a 404 { message }).
| A 503 (电子档案系统 down) is answered as a 503 with its text, no longer as a bare 500.
*/
export class ForeclosureError extends RuleError {
  declare readonly status: 404 | 409 | 422 | 503

  constructor(status: 404 | 409 | 422 | 503, message: string) {
    super(status, 'foreclosure.refused', { message })
  }
}
