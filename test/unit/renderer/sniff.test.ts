import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { sniffBytes } from '../../../renderer/src/import/sniff'
import { corpusPath } from '../../e2e/support/corpus'

const bytes = (...b: number[]) => new Uint8Array(b)

describe('sniffBytes', () => {
  it.each([
    ['jpeg', bytes(0xff, 0xd8, 0xff, 0xe0)],
    ['png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)],
    ['tiff', bytes(0x49, 0x49, 0x2a, 0x00)],
    ['tiff', bytes(0x4d, 0x4d, 0x00, 0x2a)],
    ['pdf', new TextEncoder().encode('%PDF-1.7\n')],
    ['unknown', new TextEncoder().encode('这不是扫描件')],
    ['unknown', new Uint8Array(0)],
  ] as const)('recognises %s', (kind, head) => {
    expect(sniffBytes(head)).toBe(kind)
  })

  it('accepts a PDF header after leading junk, as the spec allows (issue6069.pdf)', () => {
    const head = new Uint8Array(readFileSync(corpusPath('issue6069.pdf')).subarray(0, 1024))
    expect(head[0]).not.toBe(0x25)
    expect(sniffBytes(head)).toBe('pdf')
  })

  it('gives up on a header beyond the first 1024 bytes', () => {
    const head = new Uint8Array(2048)
    head.set(new TextEncoder().encode('%PDF-1.4'), 1500)
    expect(sniffBytes(head)).toBe('unknown')
  })
})
