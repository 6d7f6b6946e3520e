import { describe, expect, it } from 'vitest'
import { ESLint } from 'eslint'
import { resolve } from 'node:path'

const root = resolve(import.meta.dirname, '../../..')
const eslint = new ESLint({ cwd: root })

async function messages(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) })
  return (result?.messages ?? []).filter((m) => m.ruleId?.startsWith('no-restricted')).map((m) => m.message)
}

describe('layer boundaries', () => {
  it.each([
    ['scoring/engine/x.ts', "import { readFileSync } from 'node:fs'\nexport const a = readFileSync", 'scoring/ is pure domain logic'],
    ['scoring/engine/x.ts', "import Dexie from 'dexie'\nexport const a = Dexie", 'scoring/ must not touch storage'],
    ['scoring/engine/x.ts', "import { x } from '../../renderer/src/x'\nexport const a = x", 'scoring/ imports nothing outside itself'],
    ['scoring/engine/x.ts', "import { v4 } from 'uuid'\nexport const a = v4", 'scoring/ may import only zod'],
    ['renderer/src/ui/x.ts', "import { ipcRenderer } from 'electron'\nexport const a = ipcRenderer", 'only through the host API'],
    ['renderer/src/ui/x.ts', "import { x } from '../../../electron/main/index'\nexport const a = x", 'only the typed contract'],
    ['renderer/src/ui/x.ts', 'export const a = window.desktop', 'Only renderer/src/host knows the host'],
    ['electron/main/x.ts', "import Dexie from 'dexie'\nexport const a = Dexie", 'Keep the main process thin'],
  ])('%s: %s is refused with a message saying what to do', async (file, code, expected) => {
    const found = await messages(file, code)
    expect(found.join('\n')).toContain(expected)
  })

  it.each([
    ['scoring/engine/x.ts', "import { z } from 'zod'\nimport { y } from './y'\nexport const a = [z, y]"],
    ['renderer/src/ui/x.ts', "import type { DesktopApi } from '@contract/hostApi'\nexport type A = DesktopApi"],
    ['renderer/src/host/x.ts', 'export const a = window.desktop'],
  ])('%s allows what its layer may use', async (file, code) => {
    expect(await messages(file, code)).toEqual([])
  })
})
