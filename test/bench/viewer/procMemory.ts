import { readdirSync, readFileSync } from 'node:fs'

/**
 * Memory of the whole Chromium process tree we launched, from /proc (Linux only).
 * performance.memory sees only the page's own JS heap; decoded page images, canvas
 * backing stores and the pdf.js worker live outside it, and that is where a viewer leaks.
 */
export function findPidByArg(marker: string): number | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'latin1').split('\0').includes(marker)) return Number(entry)
    } catch {
      // Processes come and go while we scan.
    }
  }
  return null
}

export interface TreeMemory {
  processes: number
  /** Proportional set size summed over the tree: shared pages counted once. */
  totalPssMb: number
  /** The three largest processes, by Chromium process type. */
  top: { type: string; pssMb: number }[]
}

export function treeMemory(rootPid: number): TreeMemory | null {
  const parent = new Map<number, number>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'latin1')
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
    } catch {
      // Gone already.
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid, hops = 0; p && hops < 64; p = parent.get(p), hops++) if (p === rootPid) return true
    return false
  }
  const all: { type: string; pssMb: number }[] = []
  for (const pid of parent.keys()) {
    if (!inTree(pid)) continue
    try {
      const pss = Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'latin1'))?.[1] ?? 0) / 1024
      // Chromium rewrites its process titles into one space-separated string, so match rather than split on NUL.
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'latin1').replace(/\0/g, ' ')
      const type = /--type=(\S+)/.exec(cmd)?.[1] ?? (pid === rootPid ? 'browser' : 'other')
      const util = /--utility-sub-type=(\S+)/.exec(cmd)?.[1]
      all.push({ type: util ? `${type}:${util}` : type, pssMb: pss })
    } catch {
      // Gone already.
    }
  }
  all.sort((a, b) => b.pssMb - a.pssMb)
  return all.length ? { processes: all.length, totalPssMb: round(all.reduce((t, p) => t + p.pssMb, 0)), top: all.slice(0, 3).map((p) => ({ type: p.type, pssMb: round(p.pssMb) })) } : null
}

const round = (x: number) => Math.round(x * 10) / 10
