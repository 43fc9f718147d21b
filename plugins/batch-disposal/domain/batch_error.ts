import { RuleError } from '#core/plugins/rule_error'

/*
| A refusal of the batch-disposal rules, its text as written; a RuleError the exception
| handler answers. A list import's row problems travel as `rowErrors` beside the message.
*/
export class BatchError extends RuleError {
  declare readonly status: 404 | 409 | 422

  constructor(
    status: 404 | 409 | 422,
    message: string,
    readonly details?: unknown
  ) {
    super(status, 'batch-disposal.refused', {
      message,
      body: details ? { rowErrors: details } : {},
    })
  }
}

export const isDuplicate = (error: any) =>
  error?.code === 'ER_DUP_ENTRY' ||
  /UNIQUE constraint failed|Duplicate entry/i.test(String(error?.message))

export const affected = (result: unknown) => Number(Array.isArray(result) ? result[0] : result)
