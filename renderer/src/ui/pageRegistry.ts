import type { ComponentType } from 'react'
import type { Route } from '../app/route'
import { CampaignPage } from './campaigns/CampaignPage'
import { CampaignsPage } from './campaigns/CampaignsPage'
import { RubricEditorPage } from './rubrics/RubricEditorPage'
import { RubricLibraryPage } from './rubrics/RubricLibraryPage'
import { ReviewPage } from './review/ReviewPage'
import { ExchangePage } from './exchange/ExchangePage'

/**
 * Pages other than the library and the viewer, by route. Each feature adds its entry here,
 * so App.tsx does not grow with every screen.
 */
export const pageRegistry: Partial<Record<Route['page'], ComponentType<{ route: Route }>>> = {
  campaigns: CampaignsPage,
  campaign: CampaignPage,
  rubrics: RubricLibraryPage,
  rubric: RubricEditorPage,
  review: ReviewPage,
  exchange: ExchangePage,
}
