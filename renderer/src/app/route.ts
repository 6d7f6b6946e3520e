export type Route =
  | { page: 'library' }
  | { page: 'case'; caseId: string }
  | { page: 'rubrics' }
  | { page: 'rubric'; templateId: string }
  | { page: 'campaigns' }
  | { page: 'campaign'; campaignId: string }
  | { page: 'review'; campaignId: string; reviewId: string }
  | { page: 'exchange' }

const uuid = '([0-9a-f-]{36})'
const patterns: [RegExp, (m: RegExpExecArray) => Route][] = [
  [new RegExp(`^#/case/${uuid}$`, 'i'), (m) => ({ page: 'case', caseId: m[1]! })],
  [/^#\/rubrics$/, () => ({ page: 'rubrics' })],
  [/^#\/rubrics\/([\w-]+)$/, (m) => ({ page: 'rubric', templateId: m[1]! })],
  [/^#\/campaigns$/, () => ({ page: 'campaigns' })],
  [/^#\/exchange$/, () => ({ page: 'exchange' })],
  [new RegExp(`^#/campaigns/${uuid}$`, 'i'), (m) => ({ page: 'campaign', campaignId: m[1]! })],
  [new RegExp(`^#/campaigns/${uuid}/reviews/${uuid}$`, 'i'), (m) => ({ page: 'review', campaignId: m[1]!, reviewId: m[2]! })],
]

/** Hash routes survive a reload, so a reviewer returns to where they were. */
export function parseRoute(hash: string): Route {
  for (const [re, make] of patterns) {
    const m = re.exec(hash)
    if (m) return make(m)
  }
  return { page: 'library' }
}

export function routeHash(route: Route): string {
  switch (route.page) {
    case 'library':
      return '#/'
    case 'case':
      return `#/case/${route.caseId}`
    case 'rubrics':
      return '#/rubrics'
    case 'rubric':
      return `#/rubrics/${route.templateId}`
    case 'campaigns':
      return '#/campaigns'
    case 'campaign':
      return `#/campaigns/${route.campaignId}`
    case 'review':
      return `#/campaigns/${route.campaignId}/reviews/${route.reviewId}`
    case 'exchange':
      return '#/exchange'
  }
}
