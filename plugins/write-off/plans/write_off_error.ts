import { RuleError } from '#core/plugins/rule_error'

/*
| A refusal the user can act on: its status (404 / 409 / 422) and the message, as is. A RuleError:
| the exception handler answers it ({ message, code }; a 404 { message }).
*/
export class WriteOffError extends RuleError {
  declare readonly status: 404 | 409 | 422

  constructor(status: 404 | 409 | 422, message: string) {
    super(status, 'write-off.refused', { message })
  }
}
