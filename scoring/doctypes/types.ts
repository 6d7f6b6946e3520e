/** A document-type list for one case type; the viewer tags pages with these ids and rubric items name the ids they concern. */
export interface DocTypeList {
  caseType: string
  name: string
  types: DocType[]
}

export interface DocType {
  id: string
  name: string
}
