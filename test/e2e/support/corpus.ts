import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

/** The shared real-world corpus sits beside the repository (../shared/corpus) on every machine and in CI. */
export const corpusDir = resolve(import.meta.dirname, '../../../../shared/corpus')

export interface CorpusEntry {
  file: string
  bytes: number
  pages: number | null
  expect: 'open' | 'open-recovered' | 'error' | 'password'
  password?: string
  features: string[]
  category: string
}

export function corpusManifest(): CorpusEntry[] {
  return (JSON.parse(readFileSync(resolve(corpusDir, 'manifest.json'), 'utf8')) as { files: CorpusEntry[] }).files
}

export const corpusPath = (file: string) => resolve(corpusDir, 'pdfs', file)
