import { useEffect, useState } from 'react'
import { useServices } from '../../app/AppServices'
import { useLiveQuery } from '../../app/useLiveQuery'
import { loadReportModel, type LoadedModel } from '../../reports/reportModel'
import { rectificationsOf } from '../../reports/rectifications'
import type { RectificationRecord } from '../../store/workflowRecords'
import type { CampaignData } from '../campaigns/useCampaignData'

/**
 * The report model for the open campaign, rebuilt whenever the campaign's data or its rectification
 * rows change. Built outside liveQuery because it hashes reviews, which is not a Dexie read.
 */
export function useReportModel(data: CampaignData): { loaded: LoadedModel | null; rectifications: RectificationRecord[] | undefined } {
  const { db, version } = useServices()
  const rectifications = useLiveQuery(() => rectificationsOf(db, data.campaign.id), [db, data.campaign.id])
  const [loaded, setLoaded] = useState<LoadedModel | null>(null)
  useEffect(() => {
    let cancelled = false
    void loadReportModel(db, data.campaign.id, version).then((m) => !cancelled && setLoaded(m))
    return () => {
      cancelled = true
    }
  }, [db, version, data, rectifications])
  return { loaded, rectifications }
}
