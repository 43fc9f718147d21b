import { beforeAll, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { ElMessageBox } from 'element-plus'
import type { Editor } from '@tiptap/core'
import RichTextEditor from '@/components/rich-text/RichTextEditor.vue'
import {
  RICH_TEXT_ATTRIBUTES,
  RICH_TEXT_STYLES,
  RICH_TEXT_TAGS,
} from '../../backend/notices/rich_text_rules'
import { flushPromises, mountInConsole, signedInAs } from './helpers'

/*
| The shared rich-text editor (Tiptap). Its output must stay inside the server's
| allow-list (backend/notices/rich_text_rules.ts), whatever the author does or pastes.
*/

beforeAll(() => {
  // ProseMirror measures the caret to scroll it into view; jsdom has no layout.
  const rect = { top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0, x: 0, y: 0 }
  Range.prototype.getClientRects = () => [] as unknown as DOMRectList
  Range.prototype.getBoundingClientRect = () => ({ ...rect, toJSON: () => rect }) as DOMRect
  document.elementFromPoint ??= () => null
})

async function mountEditor(props: Record<string, unknown> = {}, html = '') {
  const pinia = signedInAs([])
  const wrapper = mountInConsole(RichTextEditor, pinia, {
    props: {
      'modelValue': html,
      'onUpdate:modelValue': (value: string) => wrapper.setProps({ modelValue: value }),
      ...props,
    },
  })
  const editor = () => (wrapper.vm as unknown as { editor: Editor }).editor
  const model = () => wrapper.props('modelValue') as string
  await nextTick() // Tiptap creates its editor once the component is mounted
  return { wrapper, editor, model }
}

/** Every element, attribute and style property of `html` that the allow-list does not name. */
function outsideAllowList(html: string): string[] {
  const found: string[] = []
  const body = new DOMParser().parseFromString(html, 'text/html').body
  for (const el of body.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase()
    if (!(RICH_TEXT_TAGS as readonly string[]).includes(tag)) found.push(`<${tag}>`)
    for (const attr of el.getAttributeNames()) {
      if (!RICH_TEXT_ATTRIBUTES[tag]?.includes(attr)) found.push(`${tag}[${attr}]`)
    }
    const style = (el as HTMLElement).style
    for (let i = 0; i < style.length; i++) {
      if (!RICH_TEXT_STYLES[tag]?.includes(style[i])) found.push(`${tag}{${style[i]}}`)
    }
  }
  return found
}

// ProseMirror under jsdom is slow on a busy machine: the first test also loads the editor.
describe('RichTextEditor', { timeout: 30_000 }, () => {
  it('every format the toolbar offers stays inside the server allow-list', async () => {
    const { wrapper, editor, model } = await mountEditor({}, '<p>正文</p>')
    const e = editor()
    e.commands.selectAll()
    for (const key of ['bold', 'italic', 'underline', 'strike']) {
      await wrapper.get(`[data-testid=rte-${key}]`).trigger('click')
    }
    e.chain().selectAll().setColor('#d54941').setBackgroundColor('#e6a23c').run()
    await wrapper.get('[data-testid=rte-alignCenter]').trigger('click')
    e.commands.insertContentAt(e.state.doc.content.size, '<p>第二段</p>')
    e.commands.setTextSelection(e.state.doc.content.size - 2)
    await wrapper.get('[data-testid=rte-heading]').trigger('click')
    e.commands.insertContentAt(e.state.doc.content.size, '<ul><li><p>一</p></li></ul>')
    e.commands.insertContentAt(e.state.doc.content.size, '<ol><li><p>二</p></li></ol>')
    e.commands.insertContentAt(e.state.doc.content.size, '<blockquote><p>引</p></blockquote>')
    e.commands.insertContentAt(
      e.state.doc.content.size,
      '<p><a href="https://bank.example/rules">制度</a>行<br>尾</p>'
    )
    await nextTick()

    const html = model()
    for (const tag of ['<strong>', '<em>', '<u>', '<s>', '<h3>', '<ul>', '<ol>', '<blockquote>'])
      expect(html).toContain(tag)
    // The browser hands colours back as rgb(): a form the server's colour rule accepts.
    expect(html).toContain(
      '<span style="color: rgb(213, 73, 65); background-color: rgb(230, 162, 60);">'
    )
    expect(html).toContain('text-align: center')
    expect(html).toContain('href="https://bank.example/rules"')
    expect(outsideAllowList(html)).toEqual([])
  })

  it('reduces hostile or foreign markup to the allowed formats', async () => {
    const { editor, model } = await mountEditor()
    editor().commands.setContent(
      '<h5>小标题</h5><p onclick="x()">a<img src=x onerror="alert(1)"><script>alert(2)</script>' +
        '<a href="javascript:alert(3)">点我</a><code>c</code></p><iframe src="https://x"></iframe>' +
        '<pre>pre</pre><hr><p style="position: fixed; color: red">红</p>',
      { emitUpdate: true }
    )
    await nextTick()
    const html = model()
    expect(html).not.toMatch(/script|onerror|onclick|javascript:|<img|<iframe|<code|<pre|<hr|<h5/)
    expect(html).not.toContain('position')
    expect(html).toContain('点我')
    expect(outsideAllowList(html)).toEqual([])
  })

  it('follows v-model both ways; an emptied editor is an empty string', async () => {
    const { wrapper, editor, model } = await mountEditor({}, '<p>旧</p>')
    expect(wrapper.get('[data-testid=rte-area]').text()).toBe('旧')
    await wrapper.setProps({ modelValue: '<p>新<strong>内容</strong></p>' })
    expect(wrapper.get('[data-testid=rte-area]').html()).toContain('<strong>内容</strong>')
    editor().commands.clearContent(true)
    await nextTick()
    expect(model()).toBe('')
  })

  it('links only to http(s) or mailto addresses', async () => {
    const { wrapper, editor, model } = await mountEditor({}, '<p>制度文件</p>')
    editor().commands.selectAll()
    const prompt = vi.spyOn(ElMessageBox, 'prompt')
    prompt.mockResolvedValueOnce({ value: 'javascript:alert(1)', action: 'confirm' } as never)
    await wrapper.get('[data-testid=rte-link]').trigger('click')
    await flushPromises()
    expect(model()).not.toContain('<a')

    editor().commands.selectAll()
    prompt.mockResolvedValueOnce({ value: 'https://bank.example/r', action: 'confirm' } as never)
    await wrapper.get('[data-testid=rte-link]').trigger('click')
    await flushPromises()
    expect(model()).toContain(
      '<a target="_blank" rel="noopener noreferrer" href="https://bank.example/r">'
    )
  })

  it('shows only the tools a page asks for, and nothing is editable when disabled', async () => {
    const { wrapper } = await mountEditor({ tools: ['bold', 'italic'], disabled: true })
    const keys = wrapper.findAll('.rte__button').map((b) => b.attributes('data-testid'))
    expect(keys).toEqual(['rte-bold', 'rte-italic'])
    expect(wrapper.find('[data-testid=rte-color]').exists()).toBe(false)
    expect(wrapper.get('[data-testid=rte-area]').attributes('contenteditable')).toBe('false')
    await wrapper.setProps({ disabled: false })
    expect(wrapper.get('[data-testid=rte-area]').attributes('contenteditable')).toBe('true')
  })
})
