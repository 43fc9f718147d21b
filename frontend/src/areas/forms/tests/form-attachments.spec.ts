import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import AttachmentInput from '@/areas/forms/components/AttachmentInput.vue'
import FieldsEditor from '@/areas/forms/components/FieldsEditor.vue'
import { FIELD_TYPES, fieldTypeLabel } from '@/areas/forms/api'
import { setLocale } from '@/i18n'
import { mountInConsole, signedInAs } from '../../../../tests/helpers'

/* 表单构建 in the console: the type list is the server's; a 附件 field uploads at once. */

function chooseFile(wrapper: ReturnType<typeof mountInConsole>, file: File) {
  const input = wrapper.find('input[type=file]')
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
  return input.trigger('change')
}

function replyWith(status: number, body: unknown) {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify(body), { status }))
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

afterEach(() => {
  vi.unstubAllGlobals()
  setLocale('zh-CN')
})

describe('表单构建 field types', () => {
  it('come from the server’s list, 附件 included, named in both languages', () => {
    expect(FIELD_TYPES).toContain('attachment')
    expect(fieldTypeLabel('attachment')).toBe('附件')
    setLocale('en')
    expect(fieldTypeLabel('attachment')).toBe('Attachment')
  })

  it('a 附件 field offers no unique or index flag', () => {
    const wrapper = mountInConsole(FieldsEditor, signedInAs([]), {
      props: {
        errors: {},
        prefix: 'fields',
        modelValue: [
          { code: 'title', labelZh: '标题', labelEn: 'Title', type: 'text', length: 100 },
          { code: 'scan', labelZh: '扫描件', labelEn: 'Scan', type: 'attachment' },
        ],
      },
    })
    const rows = wrapper.findAll('.fields-editor__row')
    expect(rows[0].text()).toContain('唯一')
    expect(rows[1].text()).not.toContain('唯一')
  })
})

describe('AttachmentInput', () => {
  it('uploads the chosen file and holds it for the record', async () => {
    const fetchMock = replyWith(201, {
      id: 7,
      fileName: '评估报告.pdf',
      size: 2048,
      contentType: 'application/pdf',
    })
    const wrapper = mountInConsole(AttachmentInput, signedInAs([]), {
      props: { code: 'contracts', field: 'scan', modelValue: null },
    })
    await chooseFile(wrapper, new File(['%PDF-1.4'], '评估报告.pdf', { type: 'application/pdf' }))
    await flushPromises()
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/form-data/contracts/files/scan')
    expect(init.body).toBeInstanceOf(FormData)
    expect(wrapper.emitted('update:modelValue')?.[0]?.[0]).toMatchObject({
      id: 7,
      fileName: '评估报告.pdf',
    })
  })

  it('shows why the server refused a file and keeps the field as it was', async () => {
    replyWith(422, {
      message: '文件类型不在允许范围内（允许：pdf, txt）',
      errors: [
        {
          field: 'file',
          rule: 'security.fileTypeRefused',
          message: '文件类型不在允许范围内（允许：pdf, txt）',
        },
      ],
    })
    const wrapper = mountInConsole(AttachmentInput, signedInAs([]), {
      props: { code: 'contracts', field: 'scan', modelValue: null },
    })
    await chooseFile(wrapper, new File(['MZ'], 'tool.exe'))
    await flushPromises()
    expect(wrapper.text()).toContain('允许：pdf, txt')
    expect(wrapper.emitted('update:modelValue')).toBeUndefined()
  })
})
