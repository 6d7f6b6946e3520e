import { describe, expect, it } from 'vitest'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeAtomic } from '../../../electron/main/atomicWrite'

describe('writeAtomic', () => {
  it('writes the bytes and leaves no temp file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crd-'))
    await writeAtomic(join(dir, '通报.docx'), new Uint8Array([7, 8, 9]))
    expect([...readFileSync(join(dir, '通报.docx'))]).toEqual([7, 8, 9])
    expect(readdirSync(dir)).toEqual(['通报.docx'])
  })

  it('leaves nothing behind when the target folder does not exist', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crd-'))
    await expect(writeAtomic(join(dir, 'missing', 'x.docx'), new Uint8Array([1]))).rejects.toThrow()
    expect(readdirSync(dir)).toEqual([])
  })
})
