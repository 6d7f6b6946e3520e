/** Errors cross the process boundary as values, never as thrown exceptions, so the renderer can show them in Chinese. */
export interface HostError {
  code: string
  message: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: HostError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: string, message: string): Result<never> => ({ ok: false, error: { code, message } })
