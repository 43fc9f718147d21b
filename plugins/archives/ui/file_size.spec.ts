import { describe, expect, it } from 'vitest'
import { fileSize } from './file_size'

describe('fileSize', () => {
  it('shows KB under 1 MB and MB above, one decimal half up', () => {
    expect(fileSize(0)).toBe('0.0 KB')
    expect(fileSize(1024)).toBe('1.0 KB')
    expect(fileSize(1075)).toBe('1.0 KB') // 1.0498…
    expect(fileSize(1076)).toBe('1.1 KB') // 1.0507…
    expect(fileSize(1048575)).toBe('1024.0 KB')
    expect(fileSize(1048576)).toBe('1.0 MB')
    expect(fileSize(5 * 1048576 + 524288)).toBe('5.5 MB')
  })
  it('has a dash for unknown sizes', () => {
    expect(fileSize(null)).toBe('—')
    expect(fileSize(-1)).toBe('—')
  })
})
