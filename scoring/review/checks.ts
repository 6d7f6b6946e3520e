import { formatCents, toCents } from '../decimal/points'
import type { PathSegment, ValidationError } from '../issues/errors'
import { err, jsonPath } from '../issues/errors'
import type { CompiledItem, CompiledRubric } from '../rubric/compile'
import type { DeductionEntry, Review } from './types'

/** Checks that a structurally valid review fits its rubric: every id, amount and decision kind must make sense for the item it names. */
export function checkReview(c: CompiledRubric, review: Review): ValidationError[] {
  const errors: ValidationError[] = []
  if (review.rubricId !== c.rubric.id) errors.push(err(['rubricId'], `评查记录对应的评查标准（${review.rubricId}）不是「${c.rubric.name}」（${c.rubric.id}）`))
  if (review.rubricVersion !== c.rubric.version) {
    errors.push(err(['rubricVersion'], `评查记录基于评查标准第${review.rubricVersion}版，当前标准为第${c.rubric.version}版`))
  }
  const seen = new Map<string, number>()
  review.decisions.forEach((d, i) => {
    const base: PathSegment[] = ['decisions', i]
    const first = seen.get(d.itemId)
    if (first !== undefined) {
      errors.push(err([...base, 'itemId'], `项目「${d.itemId}」已在 ${jsonPath(['decisions', first])} 作出结论，不能重复`))
      return
    }
    seen.set(d.itemId, i)
    const entry = c.entries.get(d.itemId)
    if (!entry) {
      errors.push(err([...base, 'itemId'], `评查标准中没有项目「${d.itemId}」`))
      return
    }
    const kindError = (allowed: string): void => {
      errors.push(err([...base, 'kind'], `项目「${d.itemId}」不能作出「${kindName[d.kind]}」结论，可用：${allowed}`))
    }
    if (entry.layer === 'basic') {
      if (d.kind !== 'conforming' && d.kind !== 'veto') return kindError('符合、否决')
      if (d.kind === 'veto' && d.vetoId !== undefined && d.vetoId !== d.itemId) {
        errors.push(err([...base, 'vetoId'], `基本标准项目「${d.itemId}」的否决标识须省略或与项目标识相同`))
      }
      return
    }
    if (entry.layer === 'bonus') {
      if (d.kind === 'conforming') return
      if (d.kind !== 'bonus') return kindError('加分、符合（不加分）')
      const amount = toCents(d.amount)
      const max = toCents(entry.item.max)
      if (amount > max) errors.push(err([...base, 'amount'], `加分${formatCents(amount)}分超过本项上限${formatCents(max)}分`))
      if (entry.item.step !== undefined && amount % toCents(entry.item.step) !== 0) {
        errors.push(err([...base, 'amount'], `加分须为${formatCents(toCents(entry.item.step))}分的整数倍`))
      }
      return
    }
    const item = entry.item
    switch (d.kind) {
      case 'conforming':
        return
      case 'bonus':
        return kindError(allowedFor(item))
      case 'na':
        if (!item.item.naAllowed) errors.push(err([...base, 'kind'], `项目「${d.itemId}」不允许标记为不适用（评查标准未设 naAllowed）`))
        return
      case 'veto': {
        if (item.vetoes.size === 0) return kindError(allowedFor(item))
        if (d.vetoId === undefined) {
          if (item.vetoes.size > 1) errors.push(err([...base, 'vetoId'], `项目「${d.itemId}」有多个否决情形，须用 vetoId 指明：${[...item.vetoes.keys()].join('、')}`))
        } else if (!item.vetoes.has(d.vetoId)) {
          errors.push(err([...base, 'vetoId'], `项目「${d.itemId}」没有否决情形「${d.vetoId}」，可用：${[...item.vetoes.keys()].join('、')}`))
        }
        return
      }
      case 'deducted':
        checkDeductions(item, d.deductions, [...base, 'deductions'], errors)
        return
    }
  })
  return errors
}

const kindName = { conforming: '符合', deducted: '扣分', na: '不适用', veto: '否决', bonus: '加分' } as const

function allowedFor(item: CompiledItem): string {
  const kinds = ['符合', '扣分']
  if (item.item.naAllowed) kinds.push('不适用')
  if (item.vetoes.size > 0) kinds.push('否决')
  return kinds.join('、')
}

function checkDeductions(item: CompiledItem, entries: DeductionEntry[], base: PathSegment[], errors: ValidationError[]): void {
  const once = new Map<string, number>()
  entries.forEach((e, i) => {
    const path: PathSegment[] = [...base, i]
    const rule = item.rules.get(e.ruleId)
    if (!rule) {
      errors.push(err([...path, 'ruleId'], `项目「${item.item.id}」没有扣分规则「${e.ruleId}」，可用：${[...item.rules.keys()].join('、') || '（无）'}`))
      return
    }
    const forbid = (field: 'occurrences' | 'elements' | 'amount', why: string): void => {
      if (e[field] !== undefined) errors.push(err([...path, field], why))
    }
    if (rule.kind === 'fixed' || rule.kind === 'full' || rule.kind === 'range') {
      const first = once.get(rule.id)
      if (first !== undefined) errors.push(err([...path, 'ruleId'], `扣分规则「${rule.id}」只能适用一次，已在 ${jsonPath([...base, first])} 适用`))
      else once.set(rule.id, i)
    }
    switch (rule.kind) {
      case 'fixed':
      case 'full':
        if (e.occurrences !== undefined && e.occurrences !== 1) errors.push(err([...path, 'occurrences'], `「${rule.id}」为一次性扣分，不计次数`))
        forbid('elements', `「${rule.id}」不是按缺失要素扣分的规则`)
        forbid('amount', `「${rule.id}」的扣分数额由评查标准确定，不能自选`)
        return
      case 'perOccurrence':
        forbid('elements', `「${rule.id}」按处计扣，请填写次数 occurrences`)
        forbid('amount', `「${rule.id}」的每处扣分由评查标准确定，不能自选`)
        return
      case 'perElement':
        forbid('amount', `「${rule.id}」的每项扣分由评查标准确定，不能自选`)
        if (rule.elements) {
          if (e.elements === undefined) errors.push(err([...path, 'elements'], `「${rule.id}」须列出缺失的要素（${rule.elements.join('、')}）`))
          forbid('occurrences', `「${rule.id}」按列出的缺失要素计数，不填次数`)
          const known = new Set(rule.elements)
          const dup = new Set<string>()
          e.elements?.forEach((name, k) => {
            if (!known.has(name)) errors.push(err([...path, 'elements', k], `「${rule.id}」没有要素「${name}」，可用：${rule.elements?.join('、')}`))
            else if (dup.has(name)) errors.push(err([...path, 'elements', k], `要素「${name}」重复`))
            dup.add(name)
          })
        } else forbid('elements', `「${rule.id}」未列出要素，请填写缺失个数 occurrences`)
        return
      case 'range': {
        forbid('occurrences', `「${rule.id}」为区间扣分，不计次数`)
        forbid('elements', `「${rule.id}」为区间扣分，不列要素`)
        if (e.amount === undefined) {
          errors.push(err([...path, 'amount'], `「${rule.id}」须选定扣分数额（${formatCents(toCents(rule.min))}–${formatCents(toCents(rule.max))}分）`))
          return
        }
        const a = toCents(e.amount)
        const min = toCents(rule.min)
        const max = toCents(rule.max)
        const step = toCents(rule.step)
        if (a < min || a > max) errors.push(err([...path, 'amount'], `扣分${formatCents(a)}分不在 ${formatCents(min)}–${formatCents(max)} 分之间`))
        else if ((a - min) % step !== 0) errors.push(err([...path, 'amount'], `扣分${formatCents(a)}分须从${formatCents(min)}分起按${formatCents(step)}分递增`))
        return
      }
    }
  })
}
