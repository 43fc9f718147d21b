import { describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import DictTag from '@/components/DictTag.vue'
import { setLocale } from '@/i18n'
import { dictLabel } from '@/stores/dict'
import { mountInConsole, signedInAs, withDictionaries } from './helpers'

const dictionaries = {
  asset_class: [
    { code: 'normal', label: { zh: '正常', en: 'Pass' }, color: 'success' },
    { code: 'loss', label: { zh: '损失', en: 'Loss' }, color: 'danger' },
    { code: 'special', label: { zh: '关注', en: 'Special mention' }, color: '#8a2be2' },
  ],
}

function mountTag(value: string | null) {
  const pinia = signedInAs([])
  withDictionaries(dictionaries)
  return mountInConsole(DictTag, pinia, { props: { type: 'asset_class', value } })
}

describe('DictTag', () => {
  it('shows the Chinese label with the item colour', () => {
    const wrapper = mountTag('loss')
    expect(wrapper.text()).toBe('损失')
    expect(wrapper.find('.el-tag').classes()).toContain('el-tag--danger')
  })

  it('follows the console language', async () => {
    const wrapper = mountTag('normal')
    setLocale('en')
    await nextTick()
    expect(wrapper.text()).toBe('Pass')
  })

  it('uses a CSS colour as the tag background', () => {
    const wrapper = mountTag('special')
    expect(wrapper.find('.el-tag').attributes('style')).toContain(
      'background-color: rgb(138, 43, 226)'
    )
  })

  it('shows an unknown code verbatim rather than hiding data', () => {
    expect(mountTag('doubtful').text()).toBe('doubtful')
  })

  it('shows a dash for no value', () => {
    expect(mountTag(null).text()).toBe('—')
  })

  it('dictLabel gives the same label to scripts', () => {
    signedInAs([])
    withDictionaries(dictionaries)
    expect(dictLabel('asset_class', 'loss')).toBe('损失')
    setLocale('en')
    expect(dictLabel('asset_class', 'loss')).toBe('Loss')
    expect(dictLabel('no_such_type', 'x')).toBe('x')
  })
})
