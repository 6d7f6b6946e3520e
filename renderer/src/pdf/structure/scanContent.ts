import { contentTokens } from './pdfLexer'
import { isName, type PdfValue } from './pdfValues'

export type Matrix = [number, number, number, number, number, number]

/** The single XObject a page draws, and the CTM (all `cm` in effect, in content order) at its `Do`. */
export interface ScanContent {
  readonly xobjectName: string
  readonly matrix: Matrix
}

/** Operators that change state but never put marks on the page. `gs` is not here: it can set alpha, blend modes, soft masks. */
const QUIET = new Set([
  'w', 'J', 'j', 'M', 'd', 'ri', 'i',
  'g', 'G', 'rg', 'RG', 'k', 'K', 'cs', 'CS', 'sc', 'SC', 'scn', 'SCN',
  'BMC', 'BDC', 'EMC', 'MP', 'DP', 'BX', 'EX',
])
const TEXT_STATE = new Set(['Tc', 'Tw', 'Tz', 'TL', 'Tf', 'Ts', 'Td', 'TD', 'Tm', 'T*'])
const TEXT_SHOW = new Set(['Tj', 'TJ', "'", '"'])
/** Text render mode 3 neither fills, strokes nor clips. */
const INVISIBLE = 3

/** PDF order: the new CTM is `m × ctm`. */
export function multiply(m: Matrix, ctm: Matrix): Matrix {
  const [a, b, c, d, e, f] = m
  const [A, B, C, D, E, F] = ctm
  return [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F]
}

interface GState {
  ctm: Matrix
  renderMode: number
}

/** Decides whether a page's (decoded, concatenated) content draws exactly one XObject and nothing else visible. Returns null otherwise. */
export function classifyScanContent(bytes: Uint8Array): ScanContent | null {
  try {
    return classify(bytes)
  } catch {
    return null // a tokenizer error, or an inline image
  }
}

function classify(bytes: Uint8Array): ScanContent | null {
  let gs: GState = { ctm: [1, 0, 0, 1, 0, 0], renderMode: 0 }
  const stack: GState[] = []
  let inText = false
  let found: ScanContent | null = null
  let operands: PdfValue[] = []
  for (const tok of contentTokens(bytes)) {
    if (tok.kind === 'operand') {
      operands.push(tok.value)
      continue
    }
    const args = operands
    operands = []
    const op = tok.op
    if (op === 'q') stack.push({ ...gs })
    else if (op === 'Q') {
      const top = stack.pop()
      if (!top) return null
      gs = top
    } else if (op === 'cm') {
      if (args.length !== 6 || !args.every((a) => typeof a === 'number' && Number.isFinite(a))) return null
      gs.ctm = multiply(args as Matrix, gs.ctm)
    } else if (op === 'Do') {
      if (inText || found || args.length !== 1 || !isName(args[0])) return null
      found = { xobjectName: args[0].name, matrix: [...gs.ctm] }
    } else if (op === 'BT') {
      if (inText) return null
      inText = true
    } else if (op === 'ET') {
      if (!inText) return null
      inText = false
    } else if (op === 'Tr') {
      if (args.length !== 1 || !Number.isInteger(args[0])) return null
      gs.renderMode = args[0] as number
    } else if ((op === 'BDC' || op === 'BMC') && isName(args[0], 'OC')) {
      // Optional content may be switched off, and then pdf.js would not draw what follows.
      return null
    } else if (TEXT_SHOW.has(op)) {
      if (!inText || gs.renderMode !== INVISIBLE) return null
    } else if (!QUIET.has(op) && !TEXT_STATE.has(op)) return null
  }
  if (inText || operands.length > 0) return null
  return found
}
