import type { ReactElement } from 'react'
import { useServices } from '../app/AppServices'
import type { Route } from '../app/route'
import { LibraryPage } from './LibraryPage'
import { pageRegistry } from './pageRegistry'
import { ViewerPage } from './ViewerPage'

const sections: { label: string; route: Route; matches: Route['page'][]; testId: string }[] = [
  { label: '案卷库', route: { page: 'library' }, matches: ['library', 'case'], testId: 'nav-library' },
  { label: '评查活动', route: { page: 'campaigns' }, matches: ['campaigns', 'campaign', 'review'], testId: 'nav-campaigns' },
  { label: '评查标准', route: { page: 'rubrics' }, matches: ['rubrics', 'rubric'], testId: 'nav-rubrics' },
  { label: '数据交换', route: { page: 'exchange' }, matches: ['exchange'], testId: 'nav-exchange' },
]

function pageFor(route: Route): ReactElement {
  switch (route.page) {
    case 'library':
      return <LibraryPage />
    case 'case':
      return <ViewerPage key={route.caseId} caseId={route.caseId} />
    default: {
      const Page = pageRegistry[route.page]
      return Page ? <Page route={route} /> : <main className="pad muted">此功能尚未开放。</main>
    }
  }
}

export function App({ route }: { route: Route }) {
  const { version, host, navigate } = useServices()
  return (
    <div className="app">
      <header className="app-header">
        <span className="app-name">案卷评查台</span>
        <nav className="app-nav">
          {sections.map((s) => (
            <button key={s.testId} data-testid={s.testId} aria-current={s.matches.includes(route.page) ? 'page' : undefined} onClick={() => navigate(s.route)}>
              {s.label}
            </button>
          ))}
        </nav>
        <span className="app-meta" data-testid="app-version">
          版本 {version} · {host.kind === 'electron' ? '桌面版' : '浏览器版'} · 离线运行
        </span>
      </header>
      {pageFor(route)}
    </div>
  )
}
