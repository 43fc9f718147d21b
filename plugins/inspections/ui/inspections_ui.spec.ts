import { describe, expect, it } from 'vitest'
import { ApiError, ValidationError } from '@/api/http'
import { fileBase64 } from './api'
import { useSubmit } from './useSubmit'

describe('inspections console helpers', () => {
  it('encodes a file as base64, large files included', async () => {
    expect(await fileBase64(new Blob(['经营场所']))).toBe(
      Buffer.from('经营场所').toString('base64')
    )
    const big = new Uint8Array(100_000).map((_, i) => i % 251)
    expect(await fileBase64(new Blob([big]))).toBe(Buffer.from(big).toString('base64'))
  })

  it('binds 422 field messages and rethrows anything else', async () => {
    const { saving, errors, submitting } = useSubmit()
    const refused = new ValidationError(
      'Validation failed',
      [{ field: 'dueOn', rule: 'date', message: '完成期限不是有效日期' }],
      null
    )
    expect(await submitting(() => Promise.reject(refused))).toBe(false)
    expect(errors.value).toEqual({ dueOn: '完成期限不是有效日期' })
    expect(saving.value).toBe(false)
    expect(await submitting(() => Promise.resolve())).toBe(true)
    expect(errors.value).toEqual({})
    await expect(submitting(() => Promise.reject(new ApiError('boom', 500)))).rejects.toThrow(
      'boom'
    )
  })
})
