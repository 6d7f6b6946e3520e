import { useRef, useState } from 'react'
import type { ImporterState } from './useImporter'

const stageLabel = { checking: '检查文件', hashing: '计算校验值', storing: '写入案卷库', done: '完成' } as const

/** Import by button or by dropping files anywhere on the panel. */
export function ImportPanel({ state, onFiles, onDismiss }: { state: ImporterState; onFiles: (files: File[]) => void; onDismiss: (id: string) => void }) {
  const input = useRef<HTMLInputElement>(null)
  const folderInput = useRef<HTMLInputElement>(null)
  const [dragging, setDragging] = useState(false)
  const p = state.progress
  const overall = p ? (p.index + (p.stage === 'hashing' ? 0.2 + 0.7 * p.fraction : p.stage === 'storing' ? 0.95 : p.stage === 'done' ? 1 : 0.1)) / p.count : 0
  return (
    <section
      className={`import-panel${dragging ? ' dragging' : ''}`}
      data-testid="import-dropzone"
      onDragOver={(e) => {
        e.preventDefault()
        setDragging(true)
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault()
        setDragging(false)
        onFiles([...e.dataTransfer.files])
      }}
    >
      <div className="import-row">
        <button className="primary" data-testid="import-button" disabled={state.busy} onClick={() => input.current?.click()}>
          导入案卷…
        </button>
        <button data-testid="import-folder-button" disabled={state.busy} onClick={() => folderInput.current?.click()}>
          导入图片文件夹…
        </button>
        <span className="hint">或把扫描件拖到这里。PDF 每个文件一份案卷；一次选择的图片（JPEG、PNG、TIFF）合为一份案卷，按文件名排页</span>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          data-testid="import-input"
          accept=".pdf,application/pdf,.jpg,.jpeg,.png,.tif,.tiff,image/jpeg,image/png,image/tiff"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])]
            e.target.value = ''
            onFiles(files)
          }}
        />
        <input
          ref={folderInput}
          type="file"
          multiple
          hidden
          data-testid="import-folder-input"
          // React has no typed prop for the folder picker; the attribute is what Chromium reads.
          {...{ webkitdirectory: '' }}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])]
            e.target.value = ''
            onFiles(files)
          }}
        />
      </div>
      {state.busy && p && (
        <div className="import-progress" data-testid="import-progress" role="status">
          <div>
            正在导入第 {p.index + 1}/{p.count} 个文件「{p.fileName}」：{stageLabel[p.stage]}
          </div>
          <progress max={1} value={overall} aria-label="导入进度" />
        </div>
      )}
      {state.notices.length > 0 && (
        <ul className="notices">
          {state.notices.map((n) => (
            <li key={n.id} className={n.kind} data-testid={n.kind === 'error' ? 'import-error' : 'import-info'} role={n.kind === 'error' ? 'alert' : undefined}>
              <span>{n.text}</span>
              <button className="link" onClick={() => onDismiss(n.id)} aria-label="关闭提示">
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
