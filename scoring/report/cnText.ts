/** "2025-06-30" → "2025年6月30日", the way dates are written in official documents. */
export function cnDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  if (!m) return iso
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`
}

const digits = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** 1 → 一, 12 → 十二, 21 → 二十一: for 一、二、三 and （一）（二） headings, which never go past the nineties. */
export function cnNumber(n: number): string {
  if (n < 10) return digits[n] ?? String(n)
  if (n < 20) return `十${n % 10 === 0 ? '' : digits[n % 10]}`
  if (n < 100) return `${digits[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : digits[n % 10]}`
  return String(n)
}

/** 第8、11、14页 / 第3页; empty when no page was recorded. */
export function pagesText(pages: readonly number[]): string {
  return pages.length === 0 ? '' : `第${pages.join('、')}页`
}
