import { basename } from 'node:path'
import { fail, ok, type Result } from '@contract/result'
import type { AppInfo, SaveFileRequest, SaveFileResult } from '@contract/hostApi'

export interface SaveDialog {
  showSaveDialog(options: { defaultPath: string; title: string }): Promise<{ canceled: boolean; filePath?: string }>
}
export interface FileWriter {
  /** Must write atomically (temp file + rename) so a failed save never leaves half a file. */
  writeAtomic(path: string, bytes: Uint8Array): Promise<void>
}

/** What the main process does for the renderer; every dependency is injected so it runs under vitest. */
export function createHostService(deps: { info: AppInfo; dialog: SaveDialog; files: FileWriter; printToPdf?: (html: string) => Promise<Result<Uint8Array>> }) {
  return {
    async getAppInfo(): Promise<Result<AppInfo>> {
      return ok(deps.info)
    },
    async saveFile(request: SaveFileRequest): Promise<Result<SaveFileResult>> {
      const choice = await deps.dialog.showSaveDialog({ defaultPath: basename(request.suggestedName), title: '保存文件' })
      if (choice.canceled || !choice.filePath) return ok({ path: null })
      try {
        await deps.files.writeAtomic(choice.filePath, request.bytes)
        return ok({ path: choice.filePath })
      } catch (e) {
        return fail('write-failed', `无法写入文件：${e instanceof Error ? e.message : String(e)}`)
      }
    },
    async printToPdf(html: string): Promise<Result<Uint8Array>> {
      return deps.printToPdf ? deps.printToPdf(html) : fail('unsupported', '此版本不支持直接生成 PDF')
    },
  }
}

export type HostService = ReturnType<typeof createHostService>
