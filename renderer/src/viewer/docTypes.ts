/** The editable document-type lists in resources/doc-types, bundled at build time. */
export interface DocTypeList {
  caseType: string
  name: string
  types: { id: string; name: string }[]
}

const modules = import.meta.glob<DocTypeList>('../../../resources/doc-types/*.json', { eager: true, import: 'default' })

export const docTypeLists: DocTypeList[] = Object.values(modules).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))

export function findDocType(typeId: string): { id: string; name: string } | undefined {
  for (const list of docTypeLists) {
    const hit = list.types.find((t) => `${list.caseType}:${t.id}` === typeId)
    if (hit) return { id: typeId, name: hit.name }
  }
  return undefined
}
