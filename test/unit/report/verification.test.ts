import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { CampaignExport } from '@scoring/report/index'
import { buildReportModel, canonicalJson, checkStoredHashes, compareVerification, formatVerification, parseVerification, reviewHash, validateCampaignExport, verificationFor } from '@scoring/report/index'
import { CAMPAIGN_ID, fixtureExport } from './fixture'

const sha = (t: string): string => createHash('sha256').update(t, 'utf8').digest('hex')

function load(json: unknown = fixtureExport()): CampaignExport {
  const v = validateCampaignExport(json)
  if (!v.ok) throw new Error(JSON.stringify(v.errors))
  return v.data
}

describe('canonical JSON', () => {
  it('sorts keys, drops undefined, keeps array order, normalises -0', () => {
    expect(canonicalJson({ b: 1, a: [3, { d: undefined, c: 'x' }], e: -0, f: 1.5 })).toBe('{"a":[3,{"c":"x"}],"b":1,"e":0,"f":1.5}')
    expect(canonicalJson({ 中: '文', A: true, a: null })).toBe('{"A":true,"a":null,"中":"文"}')
    expect(() => canonicalJson({ x: Number.NaN })).toThrow()
  })

  it('hash is independent of key order', async () => {
    expect(await reviewHash({ id: 'x', format: 'f' } as never, sha)).toBe(await reviewHash({ format: 'f', id: 'x' } as never, sha))
    expect(await reviewHash({ format: 'f', id: 'x' } as never, sha)).toBe(sha('{"format":"f","id":"x"}'))
  })
})

describe('verification string', () => {
  const model = buildReportModel(load())
  const c2 = model.files.find((f) => f.case.id === 'c2')!

  it('carries campaign, case, total, grade id and 32 hex of the review hash; async hash functions work too', async () => {
    const s = await verificationFor(CAMPAIGN_ID, c2, async (t) => sha(t))
    const hash = sha(canonicalJson(c2.entry.review)).slice(0, 32)
    expect(s).toBe(`CRD1|${CAMPAIGN_ID}|c2|97.78|excellent|${hash}`)
    const p = parseVerification(s)
    expect(p).toEqual({ ok: true, fields: { campaignId: CAMPAIGN_ID, caseId: 'c2', total: '97.78', grade: 'excellent', hash } })
    if (!p.ok) throw new Error(p.message)
    expect(formatVerification(p.fields)).toBe(s)
  })

  it('rejects malformed strings with a reason', () => {
    expect(parseVerification('hello')).toMatchObject({ ok: false, message: expect.stringContaining('CRD1|') })
    expect(parseVerification(`CRD1|${CAMPAIGN_ID}|c2|97.78|excellent`)).toMatchObject({ ok: false, message: expect.stringContaining('6段') })
    expect(parseVerification(`CRD1|${CAMPAIGN_ID}|c2|97.789|excellent|${'a'.repeat(32)}`)).toMatchObject({ ok: false })
    expect(parseVerification(`CRD1|${CAMPAIGN_ID}|c2|97.78|excellent|${'A'.repeat(32)}`)).toMatchObject({ ok: false })
  })

  it('compares against the recomputed file: a changed total or a changed review fails', async () => {
    const full = await reviewHash(c2.entry.review, sha)
    const good = parseVerification(await verificationFor(CAMPAIGN_ID, c2, sha))
    if (!good.ok) throw new Error('unreachable')
    expect(compareVerification(good.fields, CAMPAIGN_ID, c2, full).every((x) => x.ok)).toBe(true)
    const forged = { ...good.fields, total: '99' }
    expect(compareVerification(forged, CAMPAIGN_ID, c2, full).filter((x) => !x.ok).map((x) => [x.field, x.expected])).toEqual([['得分', '97.78']])
    const edited = { ...c2.entry.review, decisions: c2.entry.review.decisions.slice(1) }
    expect(compareVerification(good.fields, CAMPAIGN_ID, c2, await reviewHash(edited, sha)).filter((x) => !x.ok).map((x) => x.field)).toEqual(['摘要'])
    expect(compareVerification(good.fields, CAMPAIGN_ID, undefined, undefined).filter((x) => !x.ok).map((x) => x.field)).toEqual(['案卷'])
  })

  it('stored hashes in the export catch reviews edited after finalisation', async () => {
    const json = fixtureExport() as { reviews: { hash?: string; review: unknown }[] }
    const data0 = load(json)
    json.reviews[0]!.hash = await reviewHash(data0.reviews[0]!.review, sha)
    expect(await checkStoredHashes(load(json), sha)).toEqual([])
    ;(json.reviews[0]!.review as { decisions: unknown[] }).decisions.pop()
    const errs = await checkStoredHashes(load(json), sha)
    expect(errs.map((e) => e.path)).toEqual(['$.reviews[0].hash'])
  })
})
