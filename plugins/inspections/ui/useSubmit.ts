/* A form's submit: the saving flag, and the server's 422 field messages bound to el-form-item :error. */
import { ref } from 'vue'
import { ValidationError } from '@/api/http'

export function useSubmit() {
  const saving = ref(false)
  const errors = ref<Record<string, string>>({})

  /** Runs `send`; a 422 fills `errors` (true when it went through). */
  async function submitting(send: () => Promise<unknown>): Promise<boolean> {
    saving.value = true
    errors.value = {}
    try {
      await send()
      return true
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      errors.value = { ...error.fields }
      return false
    } finally {
      saving.value = false
    }
  }

  return { saving, errors, submitting }
}
