import { describe, expect, it } from 'vitest'
import { formatCents, isHundredths, mulDivRound, parseDecimal, toCents } from '@scoring/index'

describe('exact points', () => {
  it.each([
    [0.1, true], [0.25, true], [1.5, true], [12.34, true], [0.125, false], [1 / 3, false], [Number.NaN, false], [Infinity, false],
  ])('isHundredths(%s) = %s', (v, expected) => expect(isHundredths(v)).toBe(expected))

  it('adds tenths without drift', () => {
    expect(0.1 + 0.2).not.toBe(0.3)
    expect(formatCents(toCents(0.1) + toCents(0.2))).toBe('0.3')
    const tenTenths = Array.from({ length: 10 }, () => toCents(0.1)).reduce((a, b) => a + b, 0)
    expect(tenTenths).toBe(100)
  })

  it.each([
    [150, '1.5'], [200, '2'], [5, '0.05'], [-5, '-0.05'], [8581, '85.81'], [0, '0'], [10010, '100.1'],
  ])('formatCents(%s) = %s', (c, s) => expect(formatCents(c)).toBe(s))

  it.each([
    ['12.5', 1250], ['0.05', 5], ['3', 300], ['-1.5', -150], ['1.234', null], ['abc', null],
  ])('parseDecimal(%s) = %s', (s, c) => expect(parseDecimal(s)).toBe(c))

  it.each([
    [6350, 10000, 7400, 8581], // 63.5 / 74 × 100 = 85.8108…
    [8650, 10000, 9000, 9611], // 86.5 / 90 × 100 = 96.111…
    [1, 1, 2, 1], // half rounds up
    [6350, 10000, 7300, 8699], // 86.986…
  ])('mulDivRound(%s, %s, %s) = %s', (a, b, d, r) => expect(mulDivRound(a, b, d)).toBe(r))
})
