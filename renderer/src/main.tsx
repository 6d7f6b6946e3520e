import { StrictMode, useEffect, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { AppServicesContext, type AppServices } from './app/AppServices'
import { RenderRegistry } from './app/renderRegistry'
import { ViewerBridge } from './viewer/ViewerBridge'
import { parseRoute, routeHash, type Route } from './app/route'
import { selectHost } from './host/selectHost'
import { createCaseDb, requestPersistentStorage } from './store/db'
import { createTestApi, isTestMode } from './testApi'
import { hashReady } from './workflow/hash'
import { App } from './ui/App'
import './ui/styles.css'


function Root({ services }: { services: AppServices }) {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash))
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash))
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])
  return (
    <AppServicesContext.Provider value={services}>
      <App route={route} />
    </AppServicesContext.Provider>
  )
}

async function start() {
  const host = selectHost(window, __APP_VERSION__)
  const db = createCaseDb()
  await db.open()
  await hashReady
  void requestPersistentStorage()
  const services: AppServices = {
    db,
    host,
    renders: new RenderRegistry(),
    viewer: new ViewerBridge(),
    version: await host.appVersion(),
    navigate: (route) => {
      location.hash = routeHash(route)
    },
  }
  if (isTestMode(location)) (window as unknown as { __caseReviewDesk: unknown }).__caseReviewDesk = createTestApi(services)
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Root services={services} />
    </StrictMode>,
  )
}

start().catch((e) => {
  document.body.textContent = `启动失败：${e instanceof Error ? e.message : String(e)}`
})
