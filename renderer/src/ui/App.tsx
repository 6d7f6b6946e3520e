import { useServices } from '../app/AppServices'
import type { Route } from '../app/route'
import { LibraryPage } from './LibraryPage'
import { ViewerPage } from './ViewerPage'

export function App({ route }: { route: Route }) {
  const { version, host } = useServices()
  return (
    <div className="app">
      <header className="app-header">
        <span className="app-name">案卷评查台</span>
        <span className="app-meta" data-testid="app-version">
          版本 {version} · {host.kind === 'electron' ? '桌面版' : '浏览器版'} · 离线运行
        </span>
      </header>
      {route.page === 'library' ? <LibraryPage /> : <ViewerPage key={route.caseId} caseId={route.caseId} />}
    </div>
  )
}
