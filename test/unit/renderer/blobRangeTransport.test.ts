import { describe, expect, it, vi } from 'vitest'

// pdf.js's display layer needs DOM classes Node lacks; the transport only relies on the base class's listener plumbing.
vi.mock('../../../renderer/src/pdf/pdfjs', () => ({
  pdfjs: {
    PDFDataRangeTransport: class {
      #listeners: ((begin: number, chunk: Uint8Array) => void)[] = []
      constructor(
        readonly length: number,
        readonly initialData: Uint8Array | null,
      ) {}
      addRangeListener(l: (begin: number, chunk: Uint8Array) => void) {
        this.#listeners.push(l)
      }
      onDataRange(begin: number, chunk: Uint8Array) {
        for (const l of this.#listeners) l(begin, chunk)
      }
    },
  },
}))

const { BlobRangeTransport } = await import('../../../renderer/src/pdf/blobRangeTransport')
type BlobRangeTransport = InstanceType<typeof BlobRangeTransport>

const bytes = Uint8Array.from({ length: 300_000 }, (_, i) => i % 251)

function received(t: BlobRangeTransport) {
  const got: { begin: number; chunk: Uint8Array }[] = []
  t.addRangeListener((begin: number, chunk: Uint8Array) => got.push({ begin, chunk }))
  return got
}

describe('BlobRangeTransport', () => {
  it('serves an appendix as if it followed the last byte: after it, across the boundary, and wholly inside it', async () => {
    const tail = Uint8Array.from({ length: 5000 }, (_, i) => 200 - (i % 97))
    const whole = new Uint8Array(bytes.length + tail.length)
    whole.set(bytes)
    whole.set(tail, bytes.length)
    const t = new BlobRangeTransport(new Blob([bytes]), [], tail)
    expect(t.length).toBe(whole.length)
    const got = received(t)
    const ranges: [number, number][] = [
      [0, 1000],
      [bytes.length - 700, bytes.length + 300],
      [bytes.length + 10, bytes.length + 4000],
      [bytes.length - 65536, whole.length],
    ]
    for (const [b, e] of ranges) t.requestDataRange(b, e)
    await vi.waitFor(() => expect(got).toHaveLength(ranges.length))
    for (const [b, e] of ranges) expect(got.find((g) => g.begin === b)!.chunk).toEqual(whole.slice(b, e))
  })

  it('answers a range request with exactly those bytes and records it', async () => {
    const blob = new Blob([bytes])
    const t = new BlobRangeTransport(blob)
    const got = received(t)
    t.requestDataRange(65536, 131072)
    await vi.waitFor(() => expect(got).toHaveLength(1))
    expect(got[0]!.begin).toBe(65536)
    expect([...got[0]!.chunk.subarray(0, 3)]).toEqual([...bytes.subarray(65536, 65539)])
    expect(got[0]!.chunk.byteLength).toBe(65536)
    expect(t.requested).toEqual([[65536, 131072]])
  })

  it('reads the recorded open ranges ahead, once, and serves them without another read', async () => {
    const blob = new Blob([bytes])
    const slice = vi.spyOn(blob, 'slice')
    const t = new BlobRangeTransport(blob, [
      [0, 65536],
      [196608, 262144],
      [999_999, 1_000_100], // outside the file: ignored
    ])
    expect(slice).toHaveBeenCalledTimes(2)
    const got = received(t)
    t.requestDataRange(196608, 262144)
    t.requestDataRange(0, 65536)
    await vi.waitFor(() => expect(got).toHaveLength(2))
    expect(slice).toHaveBeenCalledTimes(2)
    expect(got.find((g) => g.begin === 196608)!.chunk[0]).toBe(bytes[196608])
    // A range that was not warmed is read on demand.
    t.requestDataRange(131072, 196608)
    await vi.waitFor(() => expect(got).toHaveLength(3))
    expect(slice).toHaveBeenCalledTimes(3)
  })

  it('delivers nothing after abort', async () => {
    const t = new BlobRangeTransport(new Blob([bytes]))
    const got = received(t)
    t.requestDataRange(0, 65536)
    t.abort()
    await new Promise((r) => setTimeout(r, 20))
    expect(got).toHaveLength(0)
  })
})
