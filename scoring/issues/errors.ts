/** One problem found in a rubric or review: where (JSON path such as `$.sections[2].items[0].points`) and what, in Chinese. */
export interface ValidationError {
  path: string
  message: string
}

export type PathSegment = string | number

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

export function jsonPath(segments: readonly PathSegment[]): string {
  let out = '$'
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`
    else if (IDENTIFIER.test(s)) out += `.${s}`
    else out += `[${JSON.stringify(s)}]`
  }
  return out
}

export function err(segments: readonly PathSegment[], message: string): ValidationError {
  return { path: jsonPath(segments), message }
}
