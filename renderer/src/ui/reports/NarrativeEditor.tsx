import { useState } from 'react'
import type { NarrativeTexts, ReportModel } from '@scoring/report/index'
import { useServices } from '../../app/AppServices'
import { useLiveQuery } from '../../app/useLiveQuery'
import { applyTemplate, deleteTemplate, listTemplates, NARRATIVE_KEYS, narrativeLabels, placeholderValues, PLACEHOLDERS, saveTemplate, toTemplateTexts } from '../../reports/narrativeTemplates'
import { errorText } from '../campaigns/campaignActor'

/**
 * The circular's five narrative sections. Shows the defaults written from the data until a section
 * is edited; edits are kept per campaign (only edited sections, so the rest follow the data).
 */
export function NarrativeEditor(p: { model: ReportModel; texts: NarrativeTexts; draft: Partial<NarrativeTexts>; onDraft(draft: Partial<NarrativeTexts>): void }) {
  const { db } = useServices()
  const templates = useLiveQuery(() => listTemplates(db), [db]) ?? []
  const [picked, setPicked] = useState('')
  const [name, setName] = useState('')
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null)
  const say = (ok: boolean, text: string) => setNote({ ok, text })
  const chosen = templates.find((t) => t.id === picked) ?? null
  return (
    <section className="cr-card rp-narrative" data-testid="narrative-editor">
      <div className="cr-titlebar">
        <h2>通报正文</h2>
        <button className="link" data-testid="narrative-reset" disabled={Object.keys(p.draft).length === 0} onClick={() => p.onDraft({})}>
          全部恢复为系统生成的文字
        </button>
      </div>
      <p className="muted small">
        以下文字已按评查数据自动生成，可直接修改；表格、图表和附件由系统按评查结果生成，不在此编辑。模板中可使用占位符：
        {PLACEHOLDERS.map((k) => (
          <code key={k} className="rp-ph">{`{${k}}`}</code>
        ))}
      </p>
      {NARRATIVE_KEYS.map((k) => (
        <label key={k} className="rp-section">
          <span>
            {narrativeLabels[k]}
            {p.draft[k] !== undefined && <span className="cr-tag cr-tag-warn">已修改</span>}
          </span>
          <textarea data-testid={`narrative-${k}`} rows={Math.min(10, Math.max(3, p.texts[k].split('\n').length + 1))} value={p.texts[k]} onChange={(e) => p.onDraft({ ...p.draft, [k]: e.target.value })} />
        </label>
      ))}
      <fieldset className="rp-templates">
        <legend>通报模板</legend>
        <div className="cr-inline">
          <input data-testid="template-name" placeholder="模板名称" value={name} onChange={(e) => setName(e.target.value)} />
          <button
            data-testid="template-save"
            onClick={() =>
              void saveTemplate(db, name, toTemplateTexts(p.texts, placeholderValues(p.model))).then(
                (t) => (say(true, `已保存模板「${t.name}」（活动名称、组织单位和日期已替换为占位符）`), setPicked(t.id)),
                (e) => say(false, errorText(e)),
              )
            }
          >
            将当前正文存为模板
          </button>
        </div>
        <div className="cr-inline">
          <select data-testid="template-select" value={picked} onChange={(e) => setPicked(e.target.value)}>
            <option value="">（选择模板）</option>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          <button
            data-testid="template-apply"
            disabled={!chosen}
            onClick={() => {
              if (!chosen) return
              if (Object.keys(p.draft).length && !window.confirm('套用模板会替换当前已修改的正文，是否继续？')) return
              p.onDraft(applyTemplate(chosen, p.model))
              say(true, `已套用模板「${chosen.name}」，占位符已按本活动数据填写`)
            }}
          >
            套用到本活动
          </button>
          <button
            data-testid="template-delete"
            disabled={!chosen}
            onClick={() => {
              if (!chosen || !window.confirm(`删除模板「${chosen.name}」？`)) return
              void deleteTemplate(db, chosen.id).then(() => (setPicked(''), say(true, `已删除模板「${chosen.name}」`)), (e) => say(false, errorText(e)))
            }}
          >
            删除模板
          </button>
        </div>
        {note && (
          <p className={note.ok ? 'rp-ok small' : 'error small'} role={note.ok ? 'status' : 'alert'} data-testid="template-note">
            {note.text}
          </p>
        )}
      </fieldset>
    </section>
  )
}
