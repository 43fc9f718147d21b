import { describe, expect, it } from 'vitest'
import { i18n, setLocale } from '@/i18n'
import { applyPromptOverrides } from '@/i18n/prompt_overrides'

/* Issue 12 defect 14: the console loads 系统提示 overrides of its own texts. */
describe('系统提示 overrides in the console', () => {
  it('lays console.* texts over the built-in messages, per language', () => {
    const t = i18n.global.t
    const builtIn = t('common.saved')
    expect(builtIn).not.toBe('common.saved')
    const applied = applyPromptOverrides({
      'console.common.saved': { zh: '已保存（本行）', en: null },
      'workflow.noApprover': { zh: '服务器端文字', en: 'server side' },
    })
    expect(applied).toBe(1)
    expect(t('common.saved')).toBe('已保存（本行）')
    setLocale('en')
    expect(t('common.saved')).not.toBe('已保存（本行）')
    expect(t('common.saved')).not.toBe('common.saved')
  })
})
