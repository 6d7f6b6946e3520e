const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' })

/** Orders names as a reviewer reads them: 第2页 before 第10页, scan9 before scan10. */
export const compareNatural = (a: string, b: string): number => collator.compare(a, b)

/** A sorted copy; ties (names equal but for case) keep their original order. */
export function sortNatural<T>(items: readonly T[], key: (item: T) => string): T[] {
  return items
    .map((item, i) => ({ item, i, k: key(item) }))
    .sort((a, b) => compareNatural(a.k, b.k) || a.i - b.i)
    .map((x) => x.item)
}
