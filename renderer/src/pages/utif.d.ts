/** The part of utif2 tiff.ts uses. Keys of an IFD are `t` + tag number; values are arrays. */
export interface Ifd {
  [tag: `t${number}`]: number[] | string[] | Uint8Array | undefined
  /** Set by decodeImage. */
  width?: number
  height?: number
  data?: Uint8Array
  isLE?: boolean
}

declare const UTIF: {
  decode(bytes: ArrayBuffer, options?: { parseMN?: boolean; debug?: boolean }): Ifd[]
  decodeImage(bytes: ArrayBuffer, ifd: Ifd, all?: Ifd[]): void
  toRGBA8(ifd: Ifd): Uint8Array<ArrayBuffer>
}
export default UTIF
