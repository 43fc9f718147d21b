/* Runs an action, shows its success, and keeps a 422's field messages for the form. */
import { ref } from 'vue'
import { ElMessage } from 'element-plus'
import { ValidationError } from '@/api/http'

export function useGuarded() {
  const errors = ref<Record<string, string>>({})
  async function guarded(action: () => Promise<unknown>, done: string) {
    errors.value = {}
    try {
      await action()
      ElMessage.success(done)
      return true
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      errors.value = error.fields
      if (!Object.keys(error.fields).length) ElMessage.error(error.message)
      return false
    }
  }
  return { errors, guarded }
}
