/** A refusal shown to the user as it is: every message is Chinese and says what to do. */
export class ExchangeError extends Error {
  override name = 'ExchangeError'
}

export const refuse = (message: string): never => {
  throw new ExchangeError(message)
}

export const messageOf = (e: unknown): string => (e instanceof ExchangeError ? e.message : `导入失败：${e instanceof Error ? e.message : String(e)}。本机数据未改动。`)
