import type { Page } from '@playwright/test'
import { expect } from './app'

// Steps of the campaign screens that several end-to-end tests walk through the same way.

export async function createCampaign(page: Page, o: { name: string; year: string; organiser: string; penaltyRubric: string }): Promise<string> {
  await page.getByTestId('nav-campaigns').click()
  await page.getByTestId('campaign-new').click()
  await page.getByTestId('campaign-name').fill(o.name)
  await page.getByTestId('campaign-year').fill(o.year)
  await page.getByTestId('campaign-organiser').fill(o.organiser)
  await page.getByTestId('campaign-rubric-penalty').selectOption(o.penaltyRubric)
  await page.getByTestId('campaign-create').click()
  return (await page.getByTestId('campaign-page').getAttribute('data-campaign-id'))!
}

export async function addAgencies(page: Page, names: string[]) {
  for (const name of names) {
    await page.getByTestId('agency-name').fill(name)
    await page.getByTestId('agency-add').click()
    await expect(page.getByTestId('agency-row').filter({ hasText: name })).toBeVisible()
  }
}

export async function addMembers(page: Page, members: readonly (readonly [name: string, agency: string, role: 'reviewer' | 'lead'])[]) {
  for (const [name, agency, role] of members) {
    await page.getByTestId('member-name').fill(name)
    await page.getByTestId('member-agency').selectOption({ label: agency })
    await page.getByTestId('member-role').selectOption(role)
    await page.getByTestId('member-add').click()
    await expect(page.getByTestId('member-row').filter({ hasText: name })).toBeVisible()
  }
}

export async function asMember(page: Page, campaignId: string, name: string) {
  const c = await page.evaluate((id) => window.__caseReviewDesk.campaigns.get(id), campaignId)
  await page.getByTestId('identity-select').selectOption(c.members.find((m) => m.name === name)!.id)
  await expect.poll(() => page.evaluate((id) => window.__caseReviewDesk.campaigns.currentMember(id), campaignId)).toMatchObject({ name })
}

export async function registerCase(page: Page, c: { file: string; agency: string; number: string; party: string; cause: string; handlers: string; filedOn?: string; closedOn?: string }) {
  await page.getByTestId('campaign-tab-cases').click()
  await page.getByTestId('case-file').selectOption({ label: c.file })
  await page.getByTestId('case-agency').selectOption({ label: c.agency })
  await page.getByTestId('case-number').fill(c.number)
  await page.getByTestId('case-party').fill(c.party)
  await page.getByTestId('case-cause').fill(c.cause)
  await page.getByTestId('case-handlers').fill(c.handlers)
  if (c.filedOn) await page.getByTestId('case-filed').fill(c.filedOn)
  if (c.closedOn) await page.getByTestId('case-closed').fill(c.closedOn)
  await page.getByTestId('case-register').click()
  await expect(page.getByTestId('case-row').filter({ hasText: c.number })).toBeVisible()
}

/** Draws one file per agency with the given seed (already in normalised form: no O, I or L), then assigns automatically. */
export async function sampleAndAssign(page: Page, seed: string, expectedAssignments: number) {
  await page.getByTestId('campaign-tab-sampling').click()
  await page.getByTestId('sampling-amount').fill('1')
  await page.getByTestId('sampling-seed').fill(seed)
  await page.getByTestId('sampling-draw').click()
  await expect(page.getByTestId('sampling-record')).toHaveAttribute('data-seed', seed)
  await page.getByTestId('campaign-tab-assignment').click()
  await page.getByTestId('assign-auto').click()
  await expect(page.getByTestId('assign-summary')).toContainText(`已自动分配 ${expectedAssignments} 人次`)
}
