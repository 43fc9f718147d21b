/*
| What a form or a row action does with a failed call: 422 field messages go
| back to the form items; a 422 without fields (e.g. "该机构下还有用户，不能删除")
| is shown as a message; other errors were already shown by the HTTP client.
*/
import { ElMessage } from 'element-plus'
import { ApiError, ValidationError } from '@/api/http'

export function handleFailure(
  error: unknown,
  knownFields: readonly string[] = []
): Record<string, string> {
  if (error instanceof ValidationError) {
    const fields: Record<string, string> = {}
    const elsewhere: string[] = []
    for (const [field, message] of Object.entries(error.fields)) {
      if (knownFields.includes(field)) fields[field] = message
      else elsewhere.push(message)
    }
    if (elsewhere.length || !Object.keys(error.fields).length) {
      ElMessage.error(elsewhere.join('；') || error.message)
    }
    return fields
  }
  if (error instanceof ApiError) return {}
  throw error
}
