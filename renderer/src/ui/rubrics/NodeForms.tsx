import type { DeductionKind, DeductionRule, Rubric, UnitCondition, VetoRule } from '@scoring/index'
import { builtinDocTypeLists, deductionKindLabels, floorLabels, naLabels, tieBreakLabels, unitConditionLabels, vetoEffectLabels } from '@scoring/index'
import { changeRuleKind, freshId, moveInArray } from '../../rubrics/editorModel'
import { useEditor } from './EditorContext'
import { BoolField, DocTypesField, FieldErrors, ListField, NumberField, SelectField, TextField } from './Fields'
import { caseTypeName } from './labels'

const entries = <T extends string>(labels: Record<T, string>) => Object.entries(labels) as [T, string][]

function useCategoryOptions(): [string, string][] {
  const { rubric } = useEditor()
  return rubric.categories.map((c) => [c.id, `${c.name}（${c.id}）`])
}

function docTypeOptions(r: Rubric): { id: string; name: string }[] {
  const list = builtinDocTypeLists.find((l) => l.caseType === r.docTypes.list)
  return [...(list?.types ?? []), ...(r.docTypes.extra ?? [])]
}

/** A small toolbar for list rows: move up, move down, delete. Up/down make reordering possible without a mouse. */
function RowTools({ index, count, onMove, onRemove, what }: { index: number; count: number; onMove: (to: number) => void; onRemove: () => void; what: string }) {
  const { readOnly } = useEditor()
  if (readOnly) return null
  return (
    <span className="row-tools">
      <button type="button" className="icon" title={`上移${what}`} aria-label={`上移${what}`} disabled={index === 0} onClick={() => onMove(index - 1)}>
        ↑
      </button>
      <button type="button" className="icon" title={`下移${what}`} aria-label={`下移${what}`} disabled={index === count - 1} onClick={() => onMove(index + 1)}>
        ↓
      </button>
      <button type="button" className="icon danger" title={`删除${what}`} aria-label={`删除${what}`} onClick={onRemove}>
        ✕
      </button>
    </span>
  )
}

export function InfoForm() {
  const { rubric, set, readOnly } = useEditor()
  return (
    <div className="node-form" data-testid="form-info">
      <h2>基本信息</h2>
      <div className="grid">
        <TextField label="名称" path="$.name" wide />
        <SelectField
          label="案件类型"
          path="$.caseType"
          options={[...['penalty', 'licensing', 'enforcement'].map((c) => [c, caseTypeName(c)] as const), ...(['penalty', 'licensing', 'enforcement'].includes(rubric.caseType) ? [] : [[rubric.caseType, rubric.caseType] as const])]}
        />
        <NumberField label="满分" path="$.total" />
        <TextField label="依据标准" path="$.standard" wide optional />
        <TextField label="状态说明" path="$.status" wide multiline hint="来源与核对状态，评查时随标准显示" />
        <TextField label="说明" path="$.description" wide multiline optional />
      </div>
      <h3>计分规则</h3>
      <div className="grid">
        <SelectField label="计分方式" path="$.policies.floor" options={entries(floorLabels)} />
        <SelectField label="不适用处理" path="$.policies.na" options={entries(naLabels)} />
        <SelectField label="否决默认效果" path="$.policies.vetoEffect" options={entries(vetoEffectLabels)} />
        <SelectField label="文书类型清单" path="$.docTypes.list" optional="（不使用清单）" options={builtinDocTypeLists.map((l) => [l.caseType, `${caseTypeName(l.caseType)}（${l.caseType}）`] as const)} />
      </div>
      <h3>等次（分档）</h3>
      <FieldErrors path="$.bands" />
      <table className="mini-table">
        <thead>
          <tr>
            <th>编号</th>
            <th>名称</th>
            <th>下限（含）</th>
            <th>上限（不含）</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rubric.bands.map((_, i) => (
            <tr key={i}>
              <td><TextField label="" path={`$.bands[${i}].id`} /></td>
              <td><TextField label="" path={`$.bands[${i}].name`} /></td>
              <td><NumberField label="" path={`$.bands[${i}].min`} /></td>
              <td><NumberField label="" path={`$.bands[${i}].below`} /></td>
              <td>
                <RowTools index={i} count={rubric.bands.length} what="等次" onMove={(to) => set('$.bands', moveInArray(rubric.bands, i, to))} onRemove={() => set('$.bands', rubric.bands.filter((_, k) => k !== i))} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!readOnly && (
        <button type="button" onClick={() => set('$.bands', [...rubric.bands, { id: `band-${rubric.bands.length + 1}`, name: '新等次', min: 0 }])}>
          ＋ 等次
        </button>
      )}
      <h3>问题类别</h3>
      <FieldErrors path="$.categories" />
      <table className="mini-table">
        <thead>
          <tr>
            <th>编号</th>
            <th>名称</th>
            <th>说明</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rubric.categories.map((_, i) => (
            <tr key={i}>
              <td><TextField label="" path={`$.categories[${i}].id`} /></td>
              <td><TextField label="" path={`$.categories[${i}].name`} /></td>
              <td><TextField label="" path={`$.categories[${i}].description`} optional /></td>
              <td>
                <RowTools index={i} count={rubric.categories.length} what="类别" onMove={(to) => set('$.categories', moveInArray(rubric.categories, i, to))} onRemove={() => set('$.categories', rubric.categories.filter((_, k) => k !== i))} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!readOnly && (
        <button type="button" onClick={() => set('$.categories', [...rubric.categories, { id: `cat-${rubric.categories.length + 1}`, name: '新类别' }])}>
          ＋ 问题类别
        </button>
      )}
      <h3>追加文书类型</h3>
      <table className="mini-table">
        <tbody>
          {(rubric.docTypes.extra ?? []).map((_, i) => (
            <tr key={i}>
              <td><TextField label="编号" path={`$.docTypes.extra[${i}].id`} /></td>
              <td><TextField label="名称" path={`$.docTypes.extra[${i}].name`} /></td>
              <td>
                <RowTools
                  index={i}
                  count={rubric.docTypes.extra!.length}
                  what="文书类型"
                  onMove={(to) => set('$.docTypes.extra', moveInArray(rubric.docTypes.extra!, i, to))}
                  onRemove={() => {
                    const rest = rubric.docTypes.extra!.filter((_, k) => k !== i)
                    set('$.docTypes.extra', rest.length ? rest : undefined)
                  }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!readOnly && (
        <button type="button" onClick={() => set('$.docTypes.extra', [...(rubric.docTypes.extra ?? []), { id: `doc-${(rubric.docTypes.extra?.length ?? 0) + 1}`, name: '新文书类型' }])}>
          ＋ 文书类型
        </button>
      )}
    </div>
  )
}

export function SectionForm({ si }: { si: number }) {
  const { rubric } = useEditor()
  const s = rubric.sections[si]
  if (!s) return null
  const base = `$.sections[${si}]`
  return (
    <div className="node-form" data-testid="form-section">
      <h2>部分：{s.name}</h2>
      <div className="grid">
        <TextField label="编号" path={`${base}.id`} />
        <TextField label="名称" path={`${base}.name`} />
        <NumberField label="分值" path={`${base}.points`} hint={`各项合计 ${s.items.reduce((n, it) => n + (typeof it.points === 'number' ? it.points * 100 : 0), 0) / 100} 分`} />
        <TextField label="说明" path={`${base}.description`} wide multiline optional />
      </div>
      <FieldErrors path={`${base}.items`} />
    </div>
  )
}

function ruleAmountFields(rule: DeductionRule, base: string) {
  switch (rule.kind) {
    case 'fixed':
      return <NumberField label="扣分值" path={`${base}.amount`} />
    case 'full':
      return <div className="field muted small">扣除本项全部分值</div>
    case 'perOccurrence':
      return (
        <>
          <NumberField label="每处扣分" path={`${base}.amount`} />
          <NumberField label="本规则上限" path={`${base}.maxDeduction`} hint="留空为不设" />
        </>
      )
    case 'perElement':
      return (
        <>
          <NumberField label="每缺一项扣分" path={`${base}.amount`} />
          <NumberField label="本规则上限" path={`${base}.maxDeduction`} hint="留空为不设" />
          <ListField label="要素（每行一个，可留空）" path={`${base}.elements`} lines />
        </>
      )
    case 'range':
      return (
        <>
          <NumberField label="最小" path={`${base}.min`} />
          <NumberField label="最大" path={`${base}.max`} />
          <NumberField label="步长" path={`${base}.step`} />
        </>
      )
  }
}

export function ItemForm({ si, ii }: { si: number; ii: number }) {
  const { rubric, set, readOnly } = useEditor()
  const it = rubric.sections[si]?.items[ii]
  const categories = useCategoryOptions()
  if (!it) return null
  const base = `$.sections[${si}].items[${ii}]`
  const rules = it.rules ?? []
  const vetoes = it.vetoes ?? []
  const setRules = (next: DeductionRule[]) => set(`${base}.rules`, next.length ? next : undefined)
  const setVetoes = (next: VetoRule[]) => set(`${base}.vetoes`, next.length ? next : undefined)
  return (
    <div className="node-form" data-testid="form-item" data-item-id={it.id}>
      <h2>评查项目：{it.name}</h2>
      <div className="grid">
        <TextField label="编号" path={`${base}.id`} />
        <TextField label="名称" path={`${base}.name`} />
        <NumberField label="分值" path={`${base}.points`} />
        <NumberField label="本项最多扣分" path={`${base}.maxDeduction`} hint="留空为不设" />
        <BoolField label="可不适用" path={`${base}.naAllowed`} />
        <TextField label="不适用提示" path={`${base}.naHint`} optional />
        <DocTypesField label="文书类型" path={`${base}.docTypes`} options={docTypeOptions(rubric)} />
        <TextField label="说明" path={`${base}.description`} wide multiline optional />
      </div>
      <h3>扣分规则</h3>
      <FieldErrors path={`${base}.rules`} />
      {rules.map((rule, ri) => {
        const rb = `${base}.rules[${ri}]`
        return (
          <div className="rule-card" key={ri} data-testid="rule-card" data-rule-id={rule.id}>
            <div className="rule-head">
              <span className="rule-no">规则 {ri + 1}</span>
              <RowTools index={ri} count={rules.length} what="规则" onMove={(to) => setRules(moveInArray(rules, ri, to))} onRemove={() => setRules(rules.filter((_, k) => k !== ri))} />
            </div>
            <div className="grid">
              <TextField label="编号" path={`${rb}.id`} />
              <div className="field">
                <label>扣分方式</label>
                <select data-path={`${rb}.kind`} value={rule.kind} disabled={readOnly} onChange={(e) => set(rb, changeRuleKind(rule, e.target.value as DeductionKind))}>
                  {entries(deductionKindLabels).map(([k, l]) => (
                    <option key={k} value={k}>
                      {l}
                    </option>
                  ))}
                </select>
                <FieldErrors path={`${rb}.kind`} />
              </div>
              <SelectField label="问题类别" path={`${rb}.category`} options={categories} />
              <TextField label="规则说明" path={`${rb}.text`} wide />
              {ruleAmountFields(rule, rb)}
              <TextField label="备注" path={`${rb}.note`} wide optional />
            </div>
          </div>
        )
      })}
      {!readOnly && (
        <button type="button" data-testid="add-rule" onClick={() => setRules([...rules, { id: freshId(rubric, `${it.id}-r`), kind: 'fixed', text: '扣分情形', category: rubric.categories[0]?.id ?? '', amount: 1 }])}>
          ＋ 扣分规则
        </button>
      )}
      <h3>否决情形</h3>
      {vetoes.map((v, vi) => {
        const vb = `${base}.vetoes[${vi}]`
        return (
          <div className="rule-card veto" key={vi} data-testid="veto-card" data-veto-id={v.id}>
            <div className="rule-head">
              <span className="rule-no">否决 {vi + 1}</span>
              <RowTools index={vi} count={vetoes.length} what="否决情形" onMove={(to) => setVetoes(moveInArray(vetoes, vi, to))} onRemove={() => setVetoes(vetoes.filter((_, k) => k !== vi))} />
            </div>
            <div className="grid">
              <TextField label="编号" path={`${vb}.id`} />
              <SelectField label="问题类别" path={`${vb}.category`} options={categories} />
              <SelectField label="否决效果" path={`${vb}.effect`} optional={`按计分规则（${vetoEffectLabels[rubric.policies.vetoEffect]}）`} options={entries(vetoEffectLabels)} />
              <TextField label="否决情形" path={`${vb}.text`} wide />
              <TextField label="备注" path={`${vb}.note`} wide optional />
            </div>
          </div>
        )
      })}
      {!readOnly && (
        <button type="button" onClick={() => setVetoes([...vetoes, { id: freshId(rubric, `${it.id}-v`), text: '否决情形', category: rubric.categories[0]?.id ?? '' }])}>
          ＋ 否决情形
        </button>
      )}
    </div>
  )
}

export function BasicForm() {
  const { rubric, set, readOnly } = useEditor()
  const categories = useCategoryOptions()
  const basic = rubric.basic
  if (!basic) {
    return (
      <div className="node-form">
        <h2>基本标准（否决项）</h2>
        <p className="muted">本标准没有基本标准层。</p>
        {!readOnly && (
          <button type="button" onClick={() => set('$.basic', { title: '基本标准', items: [{ id: freshId(rubric, 'V'), text: '否决情形', category: rubric.categories[0]?.id ?? '' }] })}>
            添加基本标准
          </button>
        )}
      </div>
    )
  }
  return (
    <div className="node-form" data-testid="form-basic">
      <h2>基本标准（否决项）</h2>
      <div className="grid">
        <TextField label="标题" path="$.basic.title" />
        <TextField label="说明" path="$.basic.description" wide multiline optional />
      </div>
      {basic.items.map((b, i) => {
        const p = `$.basic.items[${i}]`
        return (
          <div className="rule-card veto" key={i}>
            <div className="rule-head">
              <span className="rule-no">{b.id}</span>
              <RowTools index={i} count={basic.items.length} what="否决项" onMove={(to) => set('$.basic.items', moveInArray(basic.items, i, to))} onRemove={() => set('$.basic.items', basic.items.filter((_, k) => k !== i))} />
            </div>
            <div className="grid">
              <TextField label="编号" path={`${p}.id`} />
              <TextField label="分组" path={`${p}.group`} optional />
              <SelectField label="问题类别" path={`${p}.category`} options={categories} />
              <SelectField label="否决效果" path={`${p}.effect`} optional={`按计分规则（${vetoEffectLabels[rubric.policies.vetoEffect]}）`} options={entries(vetoEffectLabels)} />
              <TextField label="否决情形" path={`${p}.text`} wide />
              <DocTypesField label="文书类型" path={`${p}.docTypes`} options={docTypeOptions(rubric)} />
              <TextField label="备注" path={`${p}.note`} optional />
            </div>
          </div>
        )
      })}
      {!readOnly && (
        <div className="button-row">
          <button type="button" onClick={() => set('$.basic.items', [...basic.items, { id: freshId(rubric, 'V'), text: '否决情形', category: rubric.categories[0]?.id ?? '' }])}>
            ＋ 否决项
          </button>
          <button type="button" className="danger-text" onClick={() => set('$.basic', undefined)}>
            删除基本标准层
          </button>
        </div>
      )}
    </div>
  )
}

export function BonusForm() {
  const { rubric, set, readOnly } = useEditor()
  const categories = useCategoryOptions()
  const bonus = rubric.bonus
  if (!bonus) {
    return (
      <div className="node-form">
        <h2>加分项</h2>
        <p className="muted">本标准没有加分项。</p>
        {!readOnly && (
          <button type="button" onClick={() => set('$.bonus', { title: '加分项', cap: 2, mayExceedTotal: false, items: [{ id: freshId(rubric, 'B'), name: '加分项目', max: 1 }] })}>
            添加加分项
          </button>
        )}
      </div>
    )
  }
  return (
    <div className="node-form" data-testid="form-bonus">
      <h2>加分项</h2>
      <div className="grid">
        <TextField label="标题" path="$.bonus.title" optional />
        <NumberField label="加分上限" path="$.bonus.cap" />
        <div className="field checkbox">
          <label>
            <input type="checkbox" data-path="$.bonus.mayExceedTotal" checked={bonus.mayExceedTotal} disabled={readOnly} onChange={(e) => set('$.bonus.mayExceedTotal', e.target.checked)} /> 加分后可超过满分
          </label>
        </div>
      </div>
      {bonus.items.map((b, i) => {
        const p = `$.bonus.items[${i}]`
        return (
          <div className="rule-card" key={i}>
            <div className="rule-head">
              <span className="rule-no">{b.id}</span>
              <RowTools index={i} count={bonus.items.length} what="加分项" onMove={(to) => set('$.bonus.items', moveInArray(bonus.items, i, to))} onRemove={() => set('$.bonus.items', bonus.items.filter((_, k) => k !== i))} />
            </div>
            <div className="grid">
              <TextField label="编号" path={`${p}.id`} />
              <TextField label="名称" path={`${p}.name`} />
              <NumberField label="最多加分" path={`${p}.max`} />
              <NumberField label="步长" path={`${p}.step`} hint="留空为0.01" />
              <SelectField label="问题类别" path={`${p}.category`} optional="（无）" options={categories} />
              <DocTypesField label="文书类型" path={`${p}.docTypes`} options={docTypeOptions(rubric)} />
              <TextField label="说明" path={`${p}.description`} wide optional />
            </div>
          </div>
        )
      })}
      {!readOnly && (
        <div className="button-row">
          <button type="button" onClick={() => set('$.bonus.items', [...bonus.items, { id: freshId(rubric, 'B'), name: '加分项目', max: 1 }])}>
            ＋ 加分项目
          </button>
          <button type="button" className="danger-text" onClick={() => set('$.bonus', undefined)}>
            删除加分项
          </button>
        </div>
      )}
    </div>
  )
}

export function UnitsForm() {
  const { rubric, set, readOnly } = useEditor()
  const units = rubric.units
  const ratings = units?.ratings ?? []
  const setUnits = (patch: Record<string, unknown>) => {
    const next: Record<string, unknown> = { ...(units ?? {}), ...patch }
    for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k]
    set('$.units', Object.keys(next).length ? next : undefined)
  }
  const setCondition = (ri: number, ci: number, c: UnitCondition) => set(`$.units.ratings[${ri}].conditions[${ci}]`, c)
  return (
    <div className="node-form" data-testid="form-units">
      <h2>单位评定</h2>
      <div className="grid">
        <div className="field checkbox">
          <label>
            <input type="checkbox" checked={units?.meanBanding === true} disabled={readOnly} onChange={(e) => setUnits({ meanBanding: e.target.checked ? true : undefined })} /> 单位平均分按等次分档
          </label>
        </div>
        <div className="field">
          <label>单位排名</label>
          <select value={units?.ranking?.tieBreak ?? ''} disabled={readOnly} onChange={(e) => setUnits({ ranking: e.target.value ? { by: 'mean', tieBreak: e.target.value } : undefined })}>
            <option value="">不排名</option>
            {entries(tieBreakLabels).map(([k, l]) => (
              <option key={k} value={k}>
                按平均分排名，{l}
              </option>
            ))}
          </select>
        </div>
      </div>
      {ratings.map((r, ri) => (
        <div className="rule-card" key={ri}>
          <div className="rule-head">
            <span className="rule-no">{r.name}</span>
            <RowTools index={ri} count={ratings.length} what="评定" onMove={(to) => setUnits({ ratings: moveInArray(ratings, ri, to) })} onRemove={() => setUnits({ ratings: ratings.length > 1 ? ratings.filter((_, k) => k !== ri) : undefined })} />
          </div>
          <div className="grid">
            <TextField label="编号" path={`$.units.ratings[${ri}].id`} />
            <TextField label="名称" path={`$.units.ratings[${ri}].name`} />
          </div>
          {r.conditions.map((c, ci) => {
            const p = `$.units.ratings[${ri}].conditions[${ci}]`
            return (
              <div className="condition-row" key={ci}>
                <select value={c.kind} disabled={readOnly} onChange={(e) => setCondition(ri, ci, e.target.value === 'share' ? { kind: 'share', atLeastBand: rubric.bands[0]?.id ?? '', minPercent: 80 } : e.target.value === 'mean' ? { kind: 'mean', min: 80 } : { kind: 'noVeto' })}>
                  {entries(unitConditionLabels).map(([k, l]) => (
                    <option key={k} value={k}>
                      {l}
                    </option>
                  ))}
                </select>
                {c.kind === 'share' && (
                  <>
                    <SelectField label="等次及以上" path={`${p}.atLeastBand`} options={rubric.bands.map((b) => [b.id, b.name] as const)} />
                    <NumberField label="最低占比" path={`${p}.minPercent`} suffix="%" />
                  </>
                )}
                {c.kind === 'mean' && <NumberField label="最低平均分" path={`${p}.min`} />}
                {!readOnly && (
                  <button type="button" className="icon danger" aria-label="删除条件" onClick={() => set(`$.units.ratings[${ri}].conditions`, r.conditions.filter((_, k) => k !== ci))}>
                    ✕
                  </button>
                )}
              </div>
            )
          })}
          <FieldErrors path={`$.units.ratings[${ri}].conditions`} />
          {!readOnly && (
            <button type="button" onClick={() => set(`$.units.ratings[${ri}].conditions`, [...r.conditions, { kind: 'noVeto' }])}>
              ＋ 条件
            </button>
          )}
        </div>
      ))}
      {!readOnly && (
        <button type="button" onClick={() => setUnits({ ratings: [...ratings, { id: `rating-${ratings.length + 1}`, name: '新评定', conditions: [{ kind: 'noVeto' }] }] })}>
          ＋ 单位评定
        </button>
      )}
    </div>
  )
}
