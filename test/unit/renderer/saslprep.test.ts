import { describe, expect, it } from 'vitest'
import { saslprep } from '../../../renderer/src/pdf/saslprep'

describe('saslprep', () => {
  it.each([
    ['S\u00aaSL\u00adprep', 'SaSLprep'],
    ['æøå', 'æøå'],
    ['a\u00a0b', 'a b'],
    ['ＡＢＣ１２３', 'ABC123'],
    ['asdfasdf', 'asdfasdf'],
  ])('%j → %j', (input, expected) => {
    expect(saslprep(input)).toBe(expected)
  })
})
