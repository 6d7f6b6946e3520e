/** What names a set of image files imported as one case file. */
export interface NamedImageFile {
  name: string
  /** `folder/sub/file.jpg` when chosen as a folder, '' otherwise. */
  webkitRelativePath?: string
}

// Separators, brackets and a dangling 第 left over when the common prefix stops before the page number.
const EDGE = /^[\s_\-—.·,，、()（）[\]【】第#]+|[\s_\-—.·,，、()（）[\]【】第#]+$/g
const extension = /\.[^.]+$/

/**
 * The folder's name when a folder was imported; otherwise the longest common prefix of the
 * file names, cut back to whole words (digits at its end are a page number cut in half);
 * otherwise the first file's name without its extension.
 */
export function imageCaseName(files: readonly NamedImageFile[]): string {
  const first = files[0]
  if (!first) return ''
  const folder = first.webkitRelativePath?.split('/').filter(Boolean)
  if (folder && folder.length > 1) return folder[0]!
  const stems = files.map((f) => f.name.replace(extension, ''))
  if (stems.length > 1) {
    let prefix = [...stems[0]!]
    for (const stem of stems.slice(1)) {
      const chars = [...stem]
      let i = 0
      while (i < prefix.length && i < chars.length && prefix[i] === chars[i]) i++
      prefix = prefix.slice(0, i)
    }
    const name = prefix.join('').replace(/\d+$/, '').replace(EDGE, '')
    if (name.length > 0) return name
  }
  return stems[0]!.trim() || first.name
}
