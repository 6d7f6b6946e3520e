import { z } from 'zod'
import { channels } from '@contract/hostApi'
import { noArgs, printToPdfArgsSchema, saveFileRequestSchema } from '@contract/hostApiSchemas'
import { fail, type Result } from '@contract/result'
import type { HostService } from './hostService'

export interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame?: { url: string } | null }, ...args: unknown[]) => Promise<unknown>): void
}

/** Validates arguments against the contract and turns any failure into an error value. */
function guarded<T>(schema: z.ZodType<T>, run: (arg: T) => Promise<Result<unknown>>, isTrustedSender: (url: string | undefined) => boolean) {
  return async (event: { senderFrame?: { url: string } | null }, ...args: unknown[]): Promise<Result<unknown>> => {
    if (!isTrustedSender(event.senderFrame?.url)) return fail('forbidden', '请求来源不受信任')
    const parsed = schema.safeParse(args)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      return fail('invalid-argument', `参数无效：${issue?.message ?? '格式不正确'}`)
    }
    try {
      return await run(parsed.data)
    } catch (e) {
      return fail('internal', `内部错误：${e instanceof Error ? e.message : String(e)}`)
    }
  }
}

export function registerIpcHandlers(ipc: IpcMainLike, service: HostService, isTrustedSender: (url: string | undefined) => boolean): void {
  ipc.handle(channels.getAppInfo, guarded(noArgs, () => service.getAppInfo(), isTrustedSender))
  ipc.handle(
    channels.saveFile,
    guarded(z.tuple([saveFileRequestSchema]), ([request]) => service.saveFile(request), isTrustedSender),
  )
  ipc.handle(channels.printToPdf, guarded(printToPdfArgsSchema, ([html]) => service.printToPdf(html), isTrustedSender))
}
