import { createContext, useContext } from 'react'
import type { Host } from '../host/Host'
import type { CaseDb } from '../store/db'
import type { RenderRegistry } from './renderRegistry'
import type { ViewerBridge } from '../viewer/ViewerBridge'
import type { Route } from './route'

/** Long-lived objects the UI shares, created once in main.tsx and passed down by context. */
export interface AppServices {
  db: CaseDb
  host: Host
  renders: RenderRegistry
  viewer: ViewerBridge
  navigate(route: Route): void
  version: string
}

export const AppServicesContext = createContext<AppServices | null>(null)

export function useServices(): AppServices {
  const s = useContext(AppServicesContext)
  if (!s) throw new Error('AppServicesContext missing')
  return s
}
