import type { CaseDb } from '../store/db'
import { getBlob } from '../store/caseFiles'
import type { CaseFileRecord } from '../store/records'
import { openPdf } from '../pdf/openPdf'
import type { PageSource } from './PageSource'
import { PdfPageSource } from './pdfPageSource'
import { createImagePageSource } from './imagePageSource'

export type OpenPageSourceResult = { ok: true; source: PageSource } | { ok: false; message: string }

/** Opens whatever a case file is stored as behind the one PageSource interface. */
export async function openPageSource(db: CaseDb, caseFile: CaseFileRecord): Promise<OpenPageSourceResult> {
  const blobs: Blob[] = []
  for (const s of caseFile.sources) {
    const blob = await getBlob(db, s.sha256)
    if (!blob) return { ok: false, message: `案卷文件「${s.name}」的内容缺失，请重新导入。` }
    blobs.push(blob)
  }
  if (caseFile.kind === 'images') {
    if (!caseFile.pages) return { ok: false, message: '图片案卷缺少页面信息，请重新导入。' }
    return { ok: true, source: createImagePageSource(blobs, caseFile.sources, caseFile.pages) }
  }
  const blob = blobs[0]!
  const open = async () => {
    const r = await openPdf(blob, caseFile.pdfPassword, caseFile.openRanges)
    if (!r.ok) throw new Error(r.failure.kind)
    return { doc: r.doc, transport: r.transport }
  }
  const first = await openPdf(blob, caseFile.pdfPassword, caseFile.openRanges)
  if (!first.ok) return { ok: false, message: first.failure.kind === 'needs-password' || first.failure.kind === 'wrong-password' ? '保存的打开密码已失效，请删除后重新导入。' : '无法打开该案卷文件，文件可能已损坏。' }
  return { ok: true, source: new PdfPageSource({ doc: first.doc, transport: first.transport }, open) }
}
