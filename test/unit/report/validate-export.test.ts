import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { campaignExportJsonSchema, validateCampaignExport } from '@scoring/report/index'
import { fixtureExport } from './fixture'

const root = resolve(import.meta.dirname, '../../..')

// Test-only free-form edits of the fixture JSON.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Mutable = Record<string, any>

function mutate(fn: (j: Mutable) => void): unknown {
  const j = fixtureExport() as Mutable
  fn(j)
  return j
}

function errors(json: unknown): { path: string; message: string }[] {
  const v = validateCampaignExport(json)
  return v.ok ? [] : v.errors
}

describe('campaign export validation', () => {
  it('the fixture and the shipped example are valid; the example has a draft, reported as warnings', () => {
    expect(validateCampaignExport(fixtureExport()).ok).toBe(true)
    const example = JSON.parse(readFileSync(resolve(root, 'resources/schemas/examples/campaign-export.example.json'), 'utf8'))
    const v = validateCampaignExport(example)
    expect(v.ok).toBe(true)
    expect(v.warnings.map((w) => w.path)).toEqual(['$.reviews[12].state', '$.cases[12]'])
  })

  it('a review that does not fit its rubric is an error at its path inside the export', () => {
    const e = errors(mutate((j) => j.reviews[1].review.decisions.push({ itemId: 'NOPE', kind: 'conforming' })))
    expect(e).toHaveLength(1)
    expect(e[0]!.path).toMatch(/^\$\.reviews\[1\]\.review\.decisions\[\d+\]/)
    expect(e[0]!.message).toContain('甲罚〔2025〕2号')
  })

  it('dangling references are errors', () => {
    const e = errors(
      mutate((j) => {
        j.reviews[0].caseId = 'zz'
        j.reviews[1].reviewerIds = ['ghost']
        j.cases[2].agencyId = 'Q'
        j.rectifications[2].itemId = 'S9-9'
        j.rectifications[1].agencyId = 'A'
      }),
    ).map((x) => x.path)
    expect(e).toEqual(expect.arrayContaining(['$.reviews[0].caseId', '$.reviews[1].reviewerIds[0]', '$.cases[2].agencyId', '$.rectifications[2].itemId', '$.rectifications[1].agencyId']))
  })

  it('two finalised reviews of one file, and a finalised review without a date, are errors', () => {
    const e = errors(
      mutate((j) => {
        j.reviews.push(structuredClone(j.reviews[0]))
        delete j.reviews[2].finalisedAt
      }),
    )
    expect(e.map((x) => x.path)).toEqual(['$.reviews[2].finalisedAt', '$.reviews[6].caseId'])
  })

  it('a rubric that fails validateRubric is reported under $.rubrics[i]', () => {
    const e = errors(mutate((j) => (j.rubrics[0].total = -1)))
    expect(e[0]!.path).toBe('$.rubrics[0].total')
  })

  it('structural errors come from zod with Chinese messages', () => {
    const e = errors(mutate((j) => (j.campaign.startedOn = '2025/8/1')))
    expect(e).toEqual([{ path: '$.campaign.startedOn', message: '日期须写作 YYYY-MM-DD' }])
  })

  it('the published JSON Schema is the one generated from the zod schema', () => {
    const file = JSON.parse(readFileSync(resolve(root, 'resources/schemas/campaign-export.schema.json'), 'utf8'))
    expect(file).toEqual(JSON.parse(JSON.stringify(campaignExportJsonSchema())))
  })
})
