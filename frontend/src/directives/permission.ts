/*
| v-permission="'loan-notes:note:create'"  or  v-permission="['a:x', 'b:y']" (any of).
| The element is removed rather than disabled: staff should not see actions their
| role does not grant. Permissions only change at sign-in, which remounts the page,
| so checking once on mount is enough. For logic, use auth.hasPermission().
*/
import type { App, Directive } from 'vue'
import { useAuthStore } from '@/stores/auth'
import type { PermissionRequirement } from '@/utils/permission'

export const vPermission: Directive<HTMLElement, PermissionRequirement> = {
  mounted(el, binding) {
    if (!useAuthStore().hasPermission(binding.value)) el.parentNode?.removeChild(el)
  },
}

export function installDirectives(app: App): void {
  app.directive('permission', vPermission)
}
