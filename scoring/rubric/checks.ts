import type { Cents } from '../decimal/points'
import { formatCents, toCents } from '../decimal/points'
import type { DocTypeList } from '../doctypes/types'
import type { PathSegment, ValidationError } from '../issues/errors'
import { err, jsonPath } from '../issues/errors'
import type { Band, Item, Rubric } from './types'

/** Semantic checks a schema cannot express: sums, uniqueness, cross references, band coverage. Runs only on structurally valid rubrics. */
export function checkRubric(rubric: Rubric, docTypeLists: readonly DocTypeList[]): ValidationError[] {
  const errors: ValidationError[] = []
  checkIds(rubric, errors)
  checkCategories(rubric, errors)
  checkDocTypes(rubric, docTypeLists, errors)
  checkPoints(rubric, errors)
  checkRules(rubric, errors)
  checkBands(rubric, errors)
  checkBonus(rubric, errors)
  checkUnits(rubric, errors)
  return errors
}

function checkIds(rubric: Rubric, errors: ValidationError[]): void {
  // Sections, items, rules and vetoes share one namespace: reviews and reports refer to any of them by id alone.
  const seen = new Map<string, string>()
  const claim = (id: string, path: PathSegment[]): void => {
    const first = seen.get(id)
    if (first) errors.push(err([...path, 'id'], `标识「${id}」重复，已在 ${first} 使用`))
    else seen.set(id, jsonPath([...path, 'id']))
  }
  rubric.basic?.items.forEach((b, i) => claim(b.id, ['basic', 'items', i]))
  rubric.sections.forEach((s, si) => {
    claim(s.id, ['sections', si])
    s.items.forEach((it, ii) => {
      claim(it.id, ['sections', si, 'items', ii])
      it.rules?.forEach((r, ri) => claim(r.id, ['sections', si, 'items', ii, 'rules', ri]))
      it.vetoes?.forEach((v, vi) => claim(v.id, ['sections', si, 'items', ii, 'vetoes', vi]))
    })
  })
  rubric.bonus?.items.forEach((b, i) => claim(b.id, ['bonus', 'items', i]))
  uniqueWithin(rubric.categories.map((c) => c.id), ['categories'], '问题类别', errors)
  uniqueWithin(rubric.bands.map((b) => b.id), ['bands'], '等次', errors)
  uniqueWithin(rubric.units?.ratings?.map((r) => r.id) ?? [], ['units', 'ratings'], '单位评定', errors)
}

function uniqueWithin(ids: string[], base: PathSegment[], what: string, errors: ValidationError[]): void {
  const seen = new Map<string, number>()
  ids.forEach((id, i) => {
    const first = seen.get(id)
    if (first !== undefined) errors.push(err([...base, i, 'id'], `${what}标识「${id}」重复，已在 ${jsonPath([...base, first, 'id'])} 使用`))
    else seen.set(id, i)
  })
}

function checkCategories(rubric: Rubric, errors: ValidationError[]): void {
  const known = new Set(rubric.categories.map((c) => c.id))
  const list = rubric.categories.map((c) => `${c.id}（${c.name}）`).join('、')
  const check = (id: string | undefined, path: PathSegment[]): void => {
    if (id !== undefined && !known.has(id)) errors.push(err(path, `未知的问题类别「${id}」，本标准的类别为：${list}`))
  }
  rubric.basic?.items.forEach((b, i) => check(b.category, ['basic', 'items', i, 'category']))
  rubric.sections.forEach((s, si) =>
    s.items.forEach((it, ii) => {
      it.rules?.forEach((r, ri) => check(r.category, ['sections', si, 'items', ii, 'rules', ri, 'category']))
      it.vetoes?.forEach((v, vi) => check(v.category, ['sections', si, 'items', ii, 'vetoes', vi, 'category']))
    }),
  )
  rubric.bonus?.items.forEach((b, i) => check(b.category, ['bonus', 'items', i, 'category']))
}

function checkDocTypes(rubric: Rubric, lists: readonly DocTypeList[], errors: ValidationError[]): void {
  const known = new Set<string>()
  const listId = rubric.docTypes.list
  if (listId !== undefined) {
    const list = lists.find((l) => l.caseType === listId)
    if (!list) {
      errors.push(err(['docTypes', 'list'], `未知的文书类型清单「${listId}」，可用：${lists.map((l) => l.caseType).join('、')}`))
      return
    }
    for (const t of list.types) known.add(t.id)
  }
  rubric.docTypes.extra?.forEach((t, i) => {
    if (known.has(t.id)) errors.push(err(['docTypes', 'extra', i, 'id'], `文书类型「${t.id}」已在清单中，无需重复添加`))
    known.add(t.id)
  })
  const check = (ids: string[] | undefined, path: PathSegment[]): void =>
    ids?.forEach((id, k) => {
      if (!known.has(id)) errors.push(err([...path, k], `未知的文书类型「${id}」（不在文书类型清单${listId ? `「${listId}」` : ''}或 docTypes.extra 中）`))
    })
  rubric.basic?.items.forEach((b, i) => check(b.docTypes, ['basic', 'items', i, 'docTypes']))
  rubric.sections.forEach((s, si) => s.items.forEach((it, ii) => check(it.docTypes, ['sections', si, 'items', ii, 'docTypes'])))
  rubric.bonus?.items.forEach((b, i) => check(b.docTypes, ['bonus', 'items', i, 'docTypes']))
}

function checkPoints(rubric: Rubric, errors: ValidationError[]): void {
  const capped = rubric.policies.floor === 'capped'
  const total = toCents(rubric.total)
  let sectionSum: Cents = 0
  let allSectionsHavePoints = true
  rubric.sections.forEach((s, si) => {
    if (s.points === undefined) {
      allSectionsHavePoints = false
      if (capped) errors.push(err(['sections', si, 'points'], `「扣完为止」模式（floor = capped）下每个部分都须声明分值`))
    } else sectionSum += toCents(s.points)
    let itemSum: Cents = 0
    let allItemsHavePoints = true
    s.items.forEach((it, ii) => {
      if (it.points === undefined) {
        allItemsHavePoints = false
        if (capped) errors.push(err(['sections', si, 'items', ii, 'points'], `「扣完为止」模式（floor = capped）下每个评查项目都须声明分值`))
      } else itemSum += toCents(it.points)
    })
    if (s.points !== undefined && allItemsHavePoints && itemSum !== toCents(s.points)) {
      errors.push(err(['sections', si, 'points'], `本部分分值为${formatCents(toCents(s.points))}分，但各项分值合计为${formatCents(itemSum)}分`))
    }
  })
  if (allSectionsHavePoints && sectionSum !== total) {
    errors.push(err(['total'], `总分为${formatCents(total)}分，但各部分分值合计为${formatCents(sectionSum)}分`))
  }
  if (capped) return
  // In global mode a rubric with no per-item points still needs the declared total to be the starting score.
}

function checkRules(rubric: Rubric, errors: ValidationError[]): void {
  const naNeedsPoints = rubric.policies.na !== 'fullPoints'
  rubric.sections.forEach((s, si) =>
    s.items.forEach((it, ii) => {
      const base: PathSegment[] = ['sections', si, 'items', ii]
      checkItem(it, base, errors)
      if (it.naAllowed && naNeedsPoints && it.points === undefined) {
        errors.push(err([...base, 'naAllowed'], `不适用处理方式为「${rubric.policies.na === 'rescale' ? '折算' : '剔除'}」时，允许不适用的项目须声明分值`))
      }
    }),
  )
}

function checkItem(it: Item, base: PathSegment[], errors: ValidationError[]): void {
  const points = it.points === undefined ? undefined : toCents(it.points)
  if ((it.rules?.length ?? 0) === 0 && (it.vetoes?.length ?? 0) === 0) {
    errors.push(err([...base, 'rules'], `评查项目「${it.id}」既无扣分规则也无否决项，无法扣分`))
  }
  if (it.maxDeduction !== undefined && points !== undefined && toCents(it.maxDeduction) > points) {
    errors.push(err([...base, 'maxDeduction'], `本项最多扣${formatCents(toCents(it.maxDeduction))}分，超过本项分值${formatCents(points)}分`))
  }
  it.rules?.forEach((r, ri) => {
    const path: PathSegment[] = [...base, 'rules', ri]
    switch (r.kind) {
      case 'full':
        if (points === undefined) errors.push(err([...path, 'kind'], `扣全分规则要求所在项目声明分值`))
        if (it.maxDeduction !== undefined) errors.push(err([...path, 'kind'], `本项设有扣分上限（maxDeduction），不能同时使用扣全分规则`))
        break
      case 'range': {
        const min = toCents(r.min)
        const max = toCents(r.max)
        const step = toCents(r.step)
        if (min > max) errors.push(err([...path, 'min'], `扣分区间下限（${formatCents(min)}分）大于上限（${formatCents(max)}分）`))
        else if ((max - min) % step !== 0) errors.push(err([...path, 'step'], `扣分区间 ${formatCents(min)}–${formatCents(max)} 分不能被步长 ${formatCents(step)} 分整除`))
        break
      }
      case 'perElement':
      case 'perOccurrence': {
        if (r.maxDeduction !== undefined && toCents(r.maxDeduction) < toCents(r.amount)) {
          errors.push(err([...path, 'maxDeduction'], `本规则最多扣${formatCents(toCents(r.maxDeduction))}分，小于单次扣分${formatCents(toCents(r.amount))}分`))
        }
        if (r.kind === 'perElement' && r.elements) {
          const seen = new Set<string>()
          r.elements.forEach((e, ei) => {
            if (seen.has(e)) errors.push(err([...path, 'elements', ei], `要素「${e}」重复`))
            seen.add(e)
          })
        }
        break
      }
      case 'fixed':
        break
    }
  })
}

function checkBands(rubric: Rubric, errors: ValidationError[]): void {
  const total = toCents(rubric.total)
  const order = rubric.bands.map((b, i) => ({ b, i })).sort((x, y) => toCents(y.b.min) - toCents(x.b.min))
  const path = (i: number, field: keyof Band): PathSegment[] => ['bands', i, field]
  for (let k = 0; k < order.length; k++) {
    const { b, i } = order[k]!
    const min = toCents(b.min)
    const higher = k > 0 ? order[k - 1] : undefined
    if (min > total) errors.push(err(path(i, 'min'), `等次「${b.name}」的下限${formatCents(min)}分超过满分${formatCents(total)}分`))
    if (higher && toCents(higher.b.min) === min) {
      errors.push(err(path(i, 'min'), `等次「${b.name}」与「${higher.b.name}」的下限同为${formatCents(min)}分，区间重叠`))
    }
    if (b.below !== undefined) {
      const below = toCents(b.below)
      if (below <= min) errors.push(err(path(i, 'below'), `等次「${b.name}」的上限（不含）${formatCents(below)}分须大于其下限${formatCents(min)}分`))
      else if (higher) {
        const next = toCents(higher.b.min)
        if (below > next) errors.push(err(path(i, 'below'), `等次「${b.name}」的上限（不含）${formatCents(below)}分与「${higher.b.name}」（${formatCents(next)}分起）重叠`))
        if (below < next) errors.push(err(path(i, 'below'), `等次「${b.name}」的上限（不含）${formatCents(below)}分与「${higher.b.name}」（${formatCents(next)}分起）之间断档`))
      } else if (below <= total || rubric.bonus?.mayExceedTotal) {
        errors.push(err(path(i, 'below'), `最高等次「${b.name}」不应设上限，否则满分${formatCents(total)}分${rubric.bonus?.mayExceedTotal ? '及加分后的得分' : ''}无档可归（断档）`))
      }
    }
  }
  const lowest = order[order.length - 1]
  if (lowest && toCents(lowest.b.min) !== 0) {
    errors.push(err(path(lowest.i, 'min'), `最低等次「${lowest.b.name}」的下限须为0分，否则低于${formatCents(toCents(lowest.b.min))}分的案卷无档可归（断档）`))
  }
}

function checkBonus(rubric: Rubric, errors: ValidationError[]): void {
  rubric.bonus?.items.forEach((b, i) => {
    if (b.step !== undefined && toCents(b.max) % toCents(b.step) !== 0) {
      errors.push(err(['bonus', 'items', i, 'step'], `加分上限${formatCents(toCents(b.max))}分不是步长${formatCents(toCents(b.step))}分的整数倍`))
    }
  })
}

function checkUnits(rubric: Rubric, errors: ValidationError[]): void {
  const bands = new Set(rubric.bands.map((b) => b.id))
  rubric.units?.ratings?.forEach((r, ri) =>
    r.conditions.forEach((c, ci) => {
      if (c.kind === 'share' && !bands.has(c.atLeastBand)) {
        errors.push(err(['units', 'ratings', ri, 'conditions', ci, 'atLeastBand'], `未知的等次「${c.atLeastBand}」，可用：${[...bands].join('、')}`))
      }
      if (c.kind === 'mean' && toCents(c.min) > toCents(rubric.total)) {
        errors.push(err(['units', 'ratings', ri, 'conditions', ci, 'min'], `平均分要求${formatCents(toCents(c.min))}分超过满分`))
      }
    }),
  )
}
