/* Labels of the litigation pages (zh-CN first, en switchable), as disposal's ui/<feature>/labels.ts do. */
import { currentLocale, localize, type Localized } from '@/i18n'

export const tr = (zh: string, en: string) => localize({ zh, en }, currentLocale.value)
export const label = (text: Localized | undefined) => localize(text, currentLocale.value)
