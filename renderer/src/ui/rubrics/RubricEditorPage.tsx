import { useEffect, useMemo, useState } from 'react'
import type { Rubric } from '@scoring/index'
import { validateRubric } from '@scoring/index'
import { useServices } from '../../app/AppServices'
import type { Route } from '../../app/route'
import { useLiveQuery } from '../../app/useLiveQuery'
import { builtinRubrics } from '../../rubrics/builtinRubrics'
import type { NodeKey } from '../../rubrics/editorModel'
import { nodeForPath, nodeId, setAt } from '../../rubrics/editorModel'
import { readRubricFile, rubricFileName, rubricJsonBlob, rubricXlsxBlob } from '../../rubrics/rubricFiles'
import { duplicateRubric, getTemplate, listVersions, publishVersion, saveDraft } from '../../rubrics/rubricStore'
import type { RubricVersionRecord } from '../../store/records'
import type { EditorState } from './EditorContext'
import { EditorContext, errorIndex, useLiveValidation } from './EditorContext'
import { ErrorList } from './ErrorList'
import { BasicForm, BonusForm, InfoForm, ItemForm, SectionForm, UnitsForm } from './NodeForms'
import { RubricTree } from './RubricTree'
import { ScorePreview } from './ScorePreview'
import { TryPanel } from './TryPanel'
import { VersionsPanel } from './VersionsPanel'

type Tab = 'preview' | 'try' | 'versions' | 'errors'

export function RubricEditorPage({ route }: { route: Route }) {
  const templateId = route.page === 'rubric' ? route.templateId : ''
  const builtin = builtinRubrics.find((r) => r.id === templateId)
  const { db } = useServices()
  const data = useLiveQuery(async () => ({ template: await getTemplate(db, templateId), versions: await listVersions(db, templateId) }), [db, templateId])
  if (builtin) return <Editor key={templateId} initial={builtin} versions={[]} builtin />
  if (!data) return <main className="pad muted">正在读取…</main>
  if (!data.template || data.versions.length === 0) return <main className="pad error">找不到该评查标准。</main>
  return <Editor key={templateId} initial={data.versions.at(-1)!.rubric} versions={data.versions} builtin={false} />
}

function Editor({ initial, versions, builtin }: { initial: Rubric; versions: RubricVersionRecord[]; builtin: boolean }) {
  const { db, host, navigate } = useServices()
  const [rubric, setRubric] = useState<Rubric>(initial)
  const [dirty, setDirty] = useState(false)
  const [selected, setSelected] = useState<NodeKey>({ kind: 'info' })
  const [tab, setTab] = useState<Tab>('preview')
  const [focusPath, setFocusPath] = useState<string | null>(null)
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null)
  const [note, setNote] = useState('')
  const errors = useLiveValidation(rubric)
  const latest = versions.at(-1)
  const readOnly = builtin

  const valid = useMemo(() => {
    if (errors.length > 0) return null
    const v = validateRubric(rubric)
    return v.ok ? v.rubric : null
  }, [rubric, errors])

  const state: EditorState = useMemo(
    () => ({
      rubric,
      readOnly,
      errors,
      ...errorIndex(errors),
      set: (path, value) => {
        setRubric((r) => setAt(r, path, value))
        setDirty(true)
      },
      replace: (next) => {
        setRubric(next)
        setDirty(true)
      },
    }),
    [rubric, readOnly, errors],
  )

  // Jumping from the error list: select the node, then focus the field (or its nearest enclosing field) once drawn.
  useEffect(() => {
    if (!focusPath) return
    const t = setTimeout(() => {
      for (let p = focusPath; p; ) {
        const el = document.querySelector<HTMLElement>(`:is(input, select, textarea)[data-path="${CSS.escape(p)}"]`)
        if (el) {
          el.scrollIntoView({ block: 'center' })
          el.focus()
          break
        }
        const shorter = p.replace(/(\.[^.[\]]+|\[[^\]]*\])$/, '')
        p = shorter === p ? '' : shorter
      }
      setFocusPath(null)
    }, 30)
    return () => clearTimeout(t)
  }, [focusPath, selected])

  const jump = (path: string) => {
    setSelected(nodeForPath(path))
    setFocusPath(path)
  }

  const report = (kind: 'info' | 'error', text: string) => setMessage({ kind, text })

  async function save(): Promise<RubricVersionRecord | null> {
    try {
      const saved = await saveDraft(db, rubric.id, rubric, note || undefined)
      setRubric(saved.rubric)
      setDirty(false)
      report('info', `已保存为第${saved.version}版草稿。`)
      return saved
    } catch (e) {
      report('error', e instanceof Error ? e.message : String(e))
      return null
    }
  }

  async function publish() {
    const draft = dirty || latest?.status !== 'draft' ? await save() : latest
    if (!draft) return
    try {
      const p = await publishVersion(db, draft.rubricId, draft.version, note || undefined)
      setNote('')
      report('info', `第${p.version}版已发布并锁定。再次修改将保存为第${p.version + 1}版草稿。`)
    } catch (e) {
      report('error', e instanceof Error ? e.message : String(e))
    }
  }

  async function duplicate() {
    const t = await duplicateRubric(db, initial)
    navigate({ page: 'rubric', templateId: t.id })
  }

  async function exportAs(ext: 'json' | 'xlsx') {
    const r = valid ?? rubric
    const res = await host.saveFile(rubricFileName(r, ext), ext === 'json' ? rubricJsonBlob(r) : await rubricXlsxBlob(r))
    if (res.ok) report('info', res.savedTo ? `已导出：${res.savedTo}` : '已取消导出')
    else report('error', res.message)
  }

  async function importIntoDraft(file: File | undefined) {
    if (!file) return
    const res = await readRubricFile(file)
    if (!res.ok) {
      report('error', `「${file.name}」不能导入：${res.messages.slice(0, 5).join('；')}${res.messages.length > 5 ? `……共 ${res.messages.length} 处` : ''}`)
      return
    }
    setRubric({ ...res.rubric, id: rubric.id, version: rubric.version })
    setDirty(true)
    report('info', `已将「${file.name}」的内容载入编辑区，保存后成为草稿。`)
  }

  const statusText = builtin
    ? `内置模板 第${rubric.version}版 · 只读`
    : latest?.status === 'draft'
      ? `第${latest.version}版 · 草稿`
      : `第${latest?.version}版 · 已发布`

  return (
    <EditorContext.Provider value={state}>
      <main className="rubric-editor" data-testid="rubric-editor" data-template-id={rubric.id} data-version={latest?.version ?? rubric.version} data-status={builtin ? 'builtin' : latest?.status}>
        <div className="re-toolbar">
          <button onClick={() => navigate({ page: 'rubrics' })} data-testid="rubric-back">
            ← 评查标准
          </button>
          <div className="re-title">
            <strong data-testid="rubric-title">{rubric.name || '（未命名）'}</strong>
            <span className={`chip ${builtin ? 'builtin' : latest?.status}`} data-testid="rubric-status" title={latest?.status === 'published' ? `已发布的版本已锁定；修改后保存为第${latest.version + 1}版草稿` : undefined}>
              {statusText}
            </span>
            {dirty && (
              <span className="chip unsaved" data-testid="rubric-dirty">
                未保存
              </span>
            )}
          </div>
          <button className={`err-count${errors.length ? ' has' : ''}`} data-testid="rubric-error-count" data-count={errors.length} onClick={() => setTab('errors')}>
            {errors.length ? `${errors.length} 处问题` : '校验通过'}
          </button>
          <span className="re-spacer" />
          {builtin ? (
            <>
              <span className="muted small" data-testid="rubric-readonly-banner">
                内置模板不能修改，可复制为自己的模板后编辑。
              </span>
              <button className="primary" data-testid="rubric-copy-builtin" onClick={() => void duplicate()}>
                复制为我的模板
              </button>
            </>
          ) : (
            <>
              <input className="re-note" data-testid="rubric-note" placeholder="版本说明（可选）" value={note} onChange={(e) => setNote(e.target.value)} />
              <button data-testid="rubric-save" disabled={!dirty} onClick={() => void save()}>
                保存草稿
              </button>
              <button className="primary" data-testid="rubric-publish" disabled={errors.length > 0 || (!dirty && latest?.status === 'published')} title={errors.length ? '改正全部问题后才能发布' : ''} onClick={() => void publish()}>
                发布
              </button>
            </>
          )}
          <details className="re-menu">
            <summary data-testid="rubric-file-menu">导入／导出</summary>
            <div className="re-menu-body">
              <button data-testid="rubric-export-json" onClick={() => void exportAs('json')}>
                导出 JSON
              </button>
              <button data-testid="rubric-export-xlsx" onClick={() => void exportAs('xlsx')}>
                导出 XLSX（可在 Excel／WPS 中编辑）
              </button>
              {!builtin && (
                <label className="button-like">
                  从 JSON／XLSX 载入到草稿…
                  <input hidden type="file" accept=".json,.xlsx,application/json" data-testid="rubric-import-draft-input" onChange={(e) => void importIntoDraft(e.target.files?.[0]).finally(() => (e.target.value = ''))} />
                </label>
              )}
            </div>
          </details>
        </div>
        {message && (
          <div className={`re-message ${message.kind}`} data-testid={message.kind === 'error' ? 'rubric-message-error' : 'rubric-message'} role="status">
            {message.text}
            <button className="link" onClick={() => setMessage(null)}>
              关闭
            </button>
          </div>
        )}
        <div className="re-body">
          <RubricTree selected={selected} onSelect={setSelected} />
          <section className="re-form" key={nodeId(selected)}>
            {selected.kind === 'info' && <InfoForm />}
            {selected.kind === 'basic' && <BasicForm />}
            {selected.kind === 'section' && <SectionForm si={selected.si} />}
            {selected.kind === 'item' && <ItemForm si={selected.si} ii={selected.ii} />}
            {selected.kind === 'bonus' && <BonusForm />}
            {selected.kind === 'units' && <UnitsForm />}
          </section>
          <aside className="re-side">
            <div className="tabs" role="tablist">
              {(
                [
                  ['preview', '评分表预览'],
                  ['try', '试评'],
                  ['versions', '版本'],
                  ['errors', `问题${errors.length ? `（${errors.length}）` : ''}`],
                ] as const
              ).map(([k, label]) => (
                <button key={k} role="tab" aria-selected={tab === k} data-testid={`rubric-tab-${k}`} onClick={() => setTab(k)}>
                  {label}
                </button>
              ))}
            </div>
            <div className="re-side-body">
              {tab === 'preview' && <ScorePreview rubric={rubric} />}
              {tab === 'try' && <TryPanel rubric={valid} />}
              {tab === 'versions' && (builtin ? <p className="muted pad-s">内置模板只有这一版；复制为自己的模板后可以管理版本。</p> : <VersionsPanel key={versions.length} versions={versions} />)}
              {tab === 'errors' && <ErrorList errors={errors} onJump={jump} />}
            </div>
          </aside>
        </div>
      </main>
    </EditorContext.Provider>
  )
}
