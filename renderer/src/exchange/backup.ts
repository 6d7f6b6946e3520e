import { describeAuditProblem, verifyChain } from '@scoring/index'
import type { CaseDb } from '../store/db'
import type { BlobRecord } from '../store/records'
import type { AuditRecord } from '../store/workflowRecords'
import { deviceId } from '../workflow/audit'
import { sha256Hex } from '../workflow/hash'
import { refuse } from './exchangeError'
import { openPackage } from './openPackage'
import { blobPath, dataPaths, tablePath, type BlobMeta } from './packageData'
import { PackageWriter } from './packageWriter'
import { LAST_BACKUP_KEY } from './syncStore'

/** Tables a backup carries as JSON: every table but the bytes, which travel as stored entries. */
const jsonTables = (db: CaseDb) => db.tables.filter((t) => t.name !== 'blobs')

export async function lastBackupAt(db: CaseDb): Promise<string | null> {
  const v = (await db.settings.get(LAST_BACKUP_KEY))?.value
  return typeof v === 'string' ? v : null
}

/** The whole local store in one file; the backup time is remembered for the reminder. */
export async function exportBackup(db: CaseDb, appVersion: string): Promise<{ blob: Blob; fileName: string; summary: string }> {
  const w = new PackageWriter('backup')
  for (const table of jsonTables(db)) await w.addJson(tablePath(table.name), await table.toArray())
  const metas: BlobMeta[] = []
  await db.blobs.each((b: BlobRecord) => void metas.push({ sha256: b.sha256, size: b.size, mime: b.mime }))
  await w.addJson(dataPaths.blobs, metas)
  for (const m of metas) {
    const rec = await db.blobs.get(m.sha256)
    await w.addBlob(blobPath(m.sha256), rec!.data, m.sha256, m.mime)
  }
  const device = await deviceId(db)
  const { blob, manifest } = await w.finish({ createdBy: { deviceId: device, label: '' }, appVersion, campaignId: null, reviewerId: null })
  await db.settings.put({ key: LAST_BACKUP_KEY, value: manifest.createdAt })
  const cases = await db.caseFiles.count()
  return { blob, fileName: `案卷评查台备份_${manifest.createdAt.slice(0, 16).replace(/[-:]/g, '').replace('T', '-')}.zip`, summary: `已备份：${cases} 个案卷，${metas.length} 个文件。` }
}

/** Rows in every table but settings: a laptop that only has its device id counts as empty. */
export async function storeIsEmpty(db: CaseDb): Promise<boolean> {
  for (const t of db.tables) if (t.name !== 'settings' && (await t.count()) > 0) return false
  return true
}

/**
 * Restores a backup into an empty store, or, when the user confirmed `replace`, clears the store and restores
 * in the same transaction. Everything is verified first; a failure leaves the store as it was.
 */
export async function restoreBackup(db: CaseDb, file: Blob, options: { replace: boolean }): Promise<{ summary: string }> {
  const pkg = await openPackage(file)
  if (pkg.manifest.kind !== 'backup') refuse(pkg.manifest.kind === 'assignment' ? '这是分配包，不是备份文件。请在「导入分配包」中导入。' : '这是结果包，不是备份文件。请在「导入结果包」中导入。')
  const names = new Set(db.tables.map((t) => t.name))
  const rows = new Map<string, unknown[]>()
  for (const part of pkg.manifest.parts) {
    if (part.kind !== 'json' || part.path === dataPaths.blobs) continue
    const m = /^tables\/(\w+)\.json$/.exec(part.path)
    if (!m || !names.has(m[1]!) || m[1] === 'blobs') refuse(`备份文件中含有本程序不认识的数据「${part.path}」，可能来自更新的版本，已拒绝恢复。`)
    const value = pkg.json.get(part.path)
    if (!Array.isArray(value) || value.some((r) => typeof r !== 'object' || r === null)) refuse(`备份文件中的「${part.path}」格式不符，已拒绝恢复。`)
    rows.set(m![1]!, value as unknown[])
  }
  const metas = pkg.json.get(dataPaths.blobs)
  if (!Array.isArray(metas)) return refuse('备份文件缺少文件清单，不是完整的备份，已拒绝恢复。')
  for (const meta of metas as BlobMeta[]) if (!pkg.blobs.has(meta.sha256)) refuse('备份文件不完整：缺少案卷文件。')
  const caseFiles = (rows.get('caseFiles') ?? []) as { name: string; sources: { sha256: string }[] }[]
  for (const c of caseFiles) if (c.sources.some((s) => !pkg.blobs.has(s.sha256))) refuse(`备份文件不完整：案卷「${c.name}」缺少扫描件。`)
  const audit = (rows.get('auditLog') ?? []) as AuditRecord[]
  const verified = await verifyChain(audit.map(({ campaignId: _c, ...e }) => e), sha256Hex)
  if (!verified.ok) refuse(`备份文件中的审计记录校验失败（${describeAuditProblem(verified.problems[0]!)}），已拒绝恢复。`)

  await db.transaction('rw', db.tables, async () => {
    if (!(await storeIsEmpty(db))) {
      if (!options.replace) refuse('本机已有数据，恢复会覆盖它们。如确需恢复，请勾选「清空本机数据后恢复」后重试。')
      for (const t of db.tables) await t.clear()
    }
    for (const [name, list] of rows) await db.table(name).bulkPut(list)
    await db.blobs.bulkAdd((metas as BlobMeta[]).map((m) => ({ ...m, data: pkg.blobs.get(m.sha256)! })))
    await db.settings.put({ key: LAST_BACKUP_KEY, value: pkg.manifest.createdAt })
  })
  return { summary: `已恢复：${caseFiles.length} 个案卷，${metas.length} 个文件，${audit.length} 条审计记录。` }
}
