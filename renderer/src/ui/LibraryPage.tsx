import { useServices } from '../app/AppServices'
import { useLiveQuery } from '../app/useLiveQuery'
import { listCaseFiles } from '../store/caseFiles'
import { formatBytes, formatDateTime } from './format'
import { ImportPanel } from './ImportPanel'
import { BackupReminder } from './exchange/BackupReminder'
import { usePasswordPrompt } from './PasswordDialog'
import { useImporter } from './useImporter'

export function LibraryPage() {
  const { db, navigate } = useServices()
  const caseFiles = useLiveQuery(() => listCaseFiles(db), [db])
  const [passwordDialog, askPassword] = usePasswordPrompt()
  const importer = useImporter(askPassword)
  return (
    <main className="library">
      <h1>案卷库</h1>
      <BackupReminder />
      <ImportPanel state={importer.state} onFiles={(files) => void importer.run(files)} onDismiss={importer.dismiss} />
      {caseFiles === undefined ? (
        <p className="muted">正在读取案卷库…</p>
      ) : caseFiles.length === 0 ? (
        <p className="empty" data-testid="library-empty">
          案卷库为空。点击「导入案卷…」或把扫描件拖到上方区域。
        </p>
      ) : (
        <table className="library-table" data-testid="library-table" data-count={caseFiles.length}>
          <thead>
            <tr>
              <th>案卷名称</th>
              <th className="num">页数</th>
              <th className="num">大小</th>
              <th>导入时间</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {caseFiles.map((c) => (
              <tr key={c.id} data-testid="library-row" data-case-id={c.id} data-name={c.name}>
                <td className="name">{c.name}</td>
                <td className="num" data-testid="library-pages">
                  {c.pageCount}
                </td>
                <td className="num">{formatBytes(c.size)}</td>
                <td>{formatDateTime(c.importedAt)}</td>
                <td>
                  <button data-testid="open-case" onClick={() => navigate({ page: 'case', caseId: c.id })}>
                    打开
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {passwordDialog}
    </main>
  )
}
