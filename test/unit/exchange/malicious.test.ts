import { describe, expect, it } from 'vitest'
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate'
import { exportAssignmentPackage, exportResultPackage } from '../../../renderer/src/exchange/exportWork'
import { ExchangeError } from '../../../renderer/src/exchange/exchangeError'
import { importWorkPackage } from '../../../renderer/src/exchange/importWork'
import { restoreBackup } from '../../../renderer/src/exchange/backup'
import { readZipDirectory } from '../../../renderer/src/exchange/zipDirectory'
import { setDecision } from '../../../renderer/src/workflow/reviews'
import { getRubricVersion } from '../../../renderer/src/rubrics/rubricCatalog'
import { freshDb, seedLead, sha256, snapshot } from './fixtures'

/** Rebuilds a package with changed entries: scans stored, JSON deflated, as the app writes them. */
function rezip(files: Record<string, Uint8Array>): Blob {
  const z: Zippable = {}
  for (const [path, data] of Object.entries(files)) z[path] = [data, { level: path.startsWith('blobs/') ? 0 : 6 }]
  return new Blob([zipSync(z)])
}
const unpack = async (b: Blob) => unzipSync(new Uint8Array(await b.arrayBuffer()))
const manifestOf = (files: Record<string, Uint8Array>) => JSON.parse(new TextDecoder().decode(files['manifest.json'])) as { parts: { path: string; sha256: string; size: number }[]; kind: string; format: string }
const withManifest = (files: Record<string, Uint8Array>, m: unknown) => ({ ...files, 'manifest.json': strToU8(JSON.stringify(m)) })

async function fixture() {
  const lead = await seedLead(1, 64 * 1024)
  const assignment = (await exportAssignmentPackage(lead.db, lead.campaignId, lead.reviewerId, '0.1.0')).blob
  const reviewerDb = freshDb()
  await importWorkPackage(reviewerDb, assignment, 'assignment')
  const reviewId = lead.reviewIds[0]!
  const review = (await reviewerDb.reviews.get(reviewId))!
  const itemId = (await getRubricVersion(reviewerDb, { rubricId: review.rubricId, version: review.rubricVersion }))!.rubric.sections[0]!.items[0]!.id
  await setDecision(reviewerDb, reviewId, itemId, { itemId, kind: 'conforming' }, lead.reviewer)
  const result = (await exportResultPackage(reviewerDb, lead.campaignId, '0.1.0')).blob
  return { lead, assignment, result }
}

type Case = [name: string, build: (f: Awaited<ReturnType<typeof fixture>>) => Promise<Blob>, message: RegExp]

const cases: Case[] = [
  ['an empty file', async () => new Blob([]), /文件为空/],
  ['a truncated file', async ({ assignment }) => assignment.slice(0, assignment.size - 300), /不完整/],
  [
    'one flipped byte in a case file',
    async ({ assignment }) => {
      const entry = (await readZipDirectory(assignment)).find((e) => e.path.startsWith('blobs/'))!
      const bytes = new Uint8Array(await assignment.arrayBuffer())
      bytes[entry.dataOffset + 1000]! ^= 0x01
      return new Blob([bytes])
    },
    /校验值与清单不符/,
  ],
  [
    'a manifest listing a different hash',
    async ({ assignment }) => {
      const files = await unpack(assignment)
      const m = manifestOf(files)
      const blob = m.parts.find((p) => p.path === 'data/reviews.json')!
      blob.sha256 = 'f'.repeat(64)
      return rezip(withManifest(files, m))
    },
    /校验值与清单不符/,
  ],
  ['a ../evil.json path', async ({ assignment }) => rezip({ ...(await unpack(assignment)), '../evil.json': strToU8('{}') }), /不安全的路径「\.\.\/evil\.json」/],
  ['an absolute path', async ({ assignment }) => rezip({ ...(await unpack(assignment)), '/etc/evil.json': strToU8('{}') }), /不安全的路径/],
  [
    'a deflated entry that expands 1000×',
    async ({ assignment }) => {
      const files = await unpack(assignment)
      const bomb = new Uint8Array(20 * 1024 * 1024)
      const m = manifestOf(files)
      m.parts.push({ path: 'data/bomb.json', sha256: await sha256(bomb), size: bomb.length, kind: 'json' } as never)
      return rezip({ ...withManifest(files, m), 'data/bomb.json': bomb })
    },
    /压缩炸弹/,
  ],
  ['a foreign zip', async () => rezip({ 'readme.txt': strToU8('hello'), 'photos/1.jpg': new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]) }), /不是案卷评查台的数据包/],
  ['random bytes', async () => new Blob([crypto.getRandomValues(new Uint8Array(5000))]), /不完整或不是 zip/],
  [
    'an entry not listed in the manifest',
    async ({ assignment }) => rezip({ ...(await unpack(assignment)), 'data/extra.json': strToU8('[]') }),
    /清单未列出/,
  ],
  [
    'a tampered audit log (re-hashed so checksums pass)',
    async ({ result }) => {
      const files = await unpack(result)
      const audit = JSON.parse(new TextDecoder().decode(files['data/audit.json'])) as { actor: string }[]
      audit[0]!.actor = '冒名者'
      const bytes = strToU8(JSON.stringify(audit))
      const m = manifestOf(files)
      Object.assign(m.parts.find((p) => p.path === 'data/audit.json')!, { sha256: await sha256(bytes), size: bytes.length })
      return rezip({ ...withManifest(files, m), 'data/audit.json': bytes })
    },
    /审计记录校验失败/,
  ],
  [
    'an unsupported format version',
    async ({ result }) => {
      const files = await unpack(result)
      return rezip(withManifest(files, { ...manifestOf(files), format: 'case-review-desk/exchange@9' }))
    },
    /格式版本/,
  ],
]

describe('malicious and broken packages are refused with a Chinese message and change nothing', () => {
  for (const [name, build, message] of cases) {
    it(name, async () => {
      const f = await fixture()
      const bad = await build(f)
      // The message is checked where the package would belong; elsewhere it must still be refused and change nothing.
      const fromResult = name.includes('audit') || name.includes('format')
      for (const [db, kind] of [[f.lead.db, 'result'], [freshDb(), 'assignment']] as const) {
        const before = await snapshot(db)
        const err = await importWorkPackage(db, bad, kind).then(() => null, (e: unknown) => e)
        expect(err).toBeInstanceOf(ExchangeError)
        if ((kind === 'result') === fromResult) expect((err as Error).message).toMatch(message)
        expect(await snapshot(db)).toEqual(before)
      }
      const restoreErr = await restoreBackup(freshDb(), bad, { replace: false }).then(() => null, (e: unknown) => e)
      expect(restoreErr).toBeInstanceOf(ExchangeError)
    })
  }

  it('a package of the wrong kind, for a campaign this laptop lacks, or exported here is refused', async () => {
    const f = await fixture()
    await expect(importWorkPackage(f.lead.db, f.assignment, 'result')).rejects.toThrow(/这是分配包，不是结果包/)
    await expect(importWorkPackage(freshDb(), f.result, 'result')).rejects.toThrow(/本机没有该结果包所属的评查活动/)
    await expect(importWorkPackage(f.lead.db, f.assignment, 'assignment')).rejects.toThrow(/本机导出的分配包/)
  })
})
