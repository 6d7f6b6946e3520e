// RFC 4013 (SASLprep) mapping as PDF 2.0 asks for AES-256 passwords. pdfjs-dist 5.6 does not
// apply it, so a password typed as shown on a letter ("S\u00aaSL\u00adprep") would be refused.

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i)
// Code points, not a regex class: several are combining marks a character class would misread.
const mappedToNothing = new Set([0xad, 0x34f, 0x1806, ...range(0x180b, 0x180d), ...range(0x200b, 0x200d), 0x2060, ...range(0xfe00, 0xfe0f), 0xfeff])
const nonAsciiSpace = new Set([0xa0, 0x1680, ...range(0x2000, 0x200a), 0x202f, 0x205f, 0x3000])

export function saslprep(password: string): string {
  let out = ''
  for (const ch of password) {
    const cp = ch.codePointAt(0)!
    if (mappedToNothing.has(cp)) continue
    out += nonAsciiSpace.has(cp) ? ' ' : ch
  }
  return out.normalize('NFKC')
}
