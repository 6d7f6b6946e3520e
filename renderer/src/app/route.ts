export type Route = { page: 'library' } | { page: 'case'; caseId: string }

/** Hash routes survive a reload, so a reviewer returns to the file they had open. */
export function parseRoute(hash: string): Route {
  const m = /^#\/case\/([0-9a-f-]{36})$/i.exec(hash)
  return m ? { page: 'case', caseId: m[1]! } : { page: 'library' }
}

export function routeHash(route: Route): string {
  return route.page === 'case' ? `#/case/${route.caseId}` : '#/'
}
