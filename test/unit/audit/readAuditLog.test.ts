import { describe, expect, it } from 'vitest'
import { readAuditLog } from '@scoring/index'

const entry = { id: 'e1', chainId: 'c', seq: 1, at: '2025-03-04T10:00:00+08:00', actor: 'a', action: 'x', subject: { kind: 'review', id: 'r' }, before: null, after: 1, prevHash: '0'.repeat(64), hash: 'h', extra: true }

describe('readAuditLog', () => {
  it.each([
    ['a bare array', [entry]],
    ['a campaign export', { format: 'campaign', audit: [entry] }],
    ['an auditLog object', { auditLog: [entry] }],
  ])('finds the entries in %s, untouched', (_name, json) => {
    const r = readAuditLog(json)
    expect(r).toEqual({ ok: true, entries: [entry] })
    if (r.ok) expect(r.entries[0]).toBe(entry)
  })

  it.each([null, 3, 'x', {}, { audit: 'no' }])('says %j is not an audit log', (json) => {
    expect(readAuditLog(json)).toMatchObject({ ok: false, notALog: true })
  })

  it('points at malformed entries with a path and a Chinese message', () => {
    const r = readAuditLog({ audit: [entry, { ...entry, seq: 0, subject: 'r' }] })
    expect(r).toMatchObject({ ok: false, notALog: false })
    if (r.ok) return
    expect(r.errors.map((e) => e.path)).toEqual(['$.audit[1].seq', '$.audit[1].subject'])
    expect(r.errors[0]!.message).toContain('序号从 1 开始')
  })
})
