/* A dialog's submit: saving flag, the 422 field messages, success closes. */
import { ref } from 'vue'
import { ValidationError } from '@/api/http'

export function useSubmit() {
  const saving = ref(false)
  const errors = ref<Record<string, string>>({})
  async function run<T>(work: () => Promise<T>): Promise<T | undefined> {
    saving.value = true
    errors.value = {}
    try {
      return await work()
    } catch (error) {
      if (error instanceof ValidationError) {
        errors.value = error.fields
        return undefined
      }
      throw error
    } finally {
      saving.value = false
    }
  }
  return { saving, errors, run }
}
