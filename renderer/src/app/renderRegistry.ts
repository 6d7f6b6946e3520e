/** Which pages of the open file have finished drawing; the automation contract waits on it. */
export class RenderRegistry {
  #caseId: string | null = null
  #pages = new Set<number>()
  #listeners = new Set<() => void>()

  reset(caseId: string | null): void {
    this.#caseId = caseId
    this.#pages.clear()
    this.#emit()
  }

  markRendered(caseId: string, pageNumber: number): void {
    if (caseId !== this.#caseId) return
    this.#pages.add(pageNumber)
    this.#emit()
  }

  markEvicted(caseId: string, pageNumber: number): void {
    if (caseId !== this.#caseId) return
    this.#pages.delete(pageNumber)
    this.#emit()
  }

  isRendered(pageNumber: number): boolean {
    return this.#pages.has(pageNumber)
  }

  get caseId(): string | null {
    return this.#caseId
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  #emit(): void {
    for (const l of this.#listeners) l()
  }
}
