import { validateRubric, type Rubric } from '@scoring/index'

/** The templates shipped in resources/rubrics, bundled at build time and validated once at start-up. */
const modules = import.meta.glob<unknown>('../../../resources/rubrics/*.json', { eager: true, import: 'default' })

function load(): Rubric[] {
  const out: Rubric[] = []
  for (const [path, json] of Object.entries(modules)) {
    const r = validateRubric(json)
    if (r.ok) out.push(r.rubric)
    else console.error(`built-in rubric ${path} is invalid`, r.errors)
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
}

export const builtinRubrics: readonly Rubric[] = load()
