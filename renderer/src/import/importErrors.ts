/** Every reason an import can be refused, with the message a reviewer reads. */
export type ImportProblem =
  | { code: 'empty'; fileName: string }
  | { code: 'not-pdf'; fileName: string }
  | { code: 'damaged'; fileName: string; detail: string }
  | { code: 'no-pages'; fileName: string }
  | { code: 'password-cancelled'; fileName: string }
  | { code: 'duplicate'; fileName: string; existingName: string }
  | { code: 'storage'; fileName: string; detail: string }
  | { code: 'unsupported-image'; fileName: string; detail: string; groupSize?: number }
  | { code: 'image-damaged'; fileName: string; detail: string; groupSize: number }

export function importProblemMessage(p: ImportProblem): string {
  switch (p.code) {
    case 'empty':
      return `「${p.fileName}」是空文件（0 字节），未导入。请检查扫描件是否完整保存。`
    case 'not-pdf':
      return `「${p.fileName}」不是 PDF 或支持的图片文件（JPEG、PNG、TIFF），未导入。`
    case 'damaged':
      return `「${p.fileName}」已损坏或不完整，无法打开，未导入。请重新扫描或向移送单位索取完整文件。`
    case 'no-pages':
      return `「${p.fileName}」中没有可显示的页面，未导入。`
    case 'password-cancelled':
      return `「${p.fileName}」需要打开密码，已取消导入。`
    case 'duplicate':
      return `「${p.fileName}」与已导入的「${p.existingName}」内容完全相同，未重复导入。`
    case 'storage':
      return `「${p.fileName}」写入本地案卷库失败（${p.detail}），未导入任何内容。请检查磁盘空间后重试。`
    case 'unsupported-image':
      return `「${p.fileName}」无法解码（${p.detail}），${notImported(p.groupSize)}。请转换为 PDF、JPEG、PNG 或普通 TIFF 后重新导入。`
    case 'image-damaged':
      return `「${p.fileName}」已损坏或不完整，无法打开（${p.detail}），${notImported(p.groupSize)}。请重新扫描或向移送单位索取完整文件。`
  }
}

/** Images chosen together form one case file, so one bad page keeps the whole set out. */
const notImported = (groupSize = 1) => (groupSize > 1 ? `同一批选择的 ${groupSize} 个图片文件均未导入` : '未导入')
