/* A write of the 债权转让 workbench: a success message, or the 422's field errors shown on the form. */
import { ref } from 'vue'
import { ElMessage } from 'element-plus'
import { ValidationError } from '@/api/http'
import { currentLocale, localize } from '@/i18n'

export const tr = (zh: string, en: string) => localize({ zh, en }, currentLocale.value)

export function useGuarded() {
  const errors = ref<Record<string, string>>({})
  async function guarded(action: () => Promise<unknown>, done: string) {
    errors.value = {}
    try {
      await action()
      ElMessage.success(done)
      return true
    } catch (error) {
      if (error instanceof ValidationError) errors.value = error.fields
      else throw error
      return false
    }
  }
  return { errors, guarded }
}
