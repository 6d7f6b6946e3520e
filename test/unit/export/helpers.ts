import { spawnSync } from 'node:child_process'
import { createHash, randomUUID } from 'node:crypto'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { CampaignExport } from '@scoring/report/index'
import { validateCampaignExport } from '@scoring/report/index'

export const root = resolve(import.meta.dirname, '../../..')
export const EXAMPLE = resolve(root, 'resources/schemas/examples/campaign-export.example.json')
export const sha = (t: string): string => createHash('sha256').update(t, 'utf8').digest('hex')

export function exampleExport(): CampaignExport {
  const v = validateCampaignExport(JSON.parse(readFileSync(EXAMPLE, 'utf8')))
  if (!v.ok) throw new Error(JSON.stringify(v.errors))
  return v.data
}

export const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0
export const hasPoppler = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).status === 0

export function workDir(): string {
  const dir = join(tmpdir(), `crd-export-test-${randomUUID()}`)
  mkdirSync(dir, { recursive: true })
  return dir
}

/** Converts files to PDF in one LibreOffice run with a private profile (parallel test files must not share one). */
export function toPdf(dir: string, files: string[]): void {
  const r = spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files.map((f) => join(dir, f))], { encoding: 'utf8', timeout: 120_000 })
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`)
}

export function pdfText(file: string): string {
  const r = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(r.stderr)
  return r.stdout
}

export function pdfPages(file: string): number {
  const r = spawnSync('pdfinfo', [file], { encoding: 'utf8' })
  return Number(/Pages:\s+(\d+)/.exec(r.stdout)?.[1] ?? 0)
}

export function write(dir: string, name: string, bytes: Uint8Array): void {
  writeFileSync(join(dir, name), bytes)
}

export function cleanup(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
}

const pngjs = createRequire(import.meta.url)('pngjs') as { PNG: { sync: { read(b: Buffer): { width: number; height: number; data: Buffer } } } }
export function readPng(bytes: Uint8Array): { width: number; height: number; data: Buffer } {
  return pngjs.PNG.sync.read(Buffer.from(bytes))
}
