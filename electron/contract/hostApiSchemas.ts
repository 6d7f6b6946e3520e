import { z } from 'zod'
import type { SaveFileRequest } from './hostApi'

// Kept apart from hostApi.ts so the preload bundle stays free of zod.

export const MAX_SAVE_BYTES = 2 * 1024 ** 3

export const saveFileRequestSchema: z.ZodType<SaveFileRequest> = z.object({
  suggestedName: z
    .string()
    .min(1, '文件名不能为空')
    .max(255, '文件名过长')
    .refine((n) => !/[\\/\0]/.test(n) && n !== '.' && n !== '..', '文件名不能包含路径或特殊字符'),
  bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_SAVE_BYTES, '文件过大（上限 2 GB）'),
})

/** Printable pages inline their font slices (a few MB at most); anything far larger is not one of ours. */
export const MAX_PRINT_HTML_CHARS = 64 * 1024 ** 2

export const printToPdfArgsSchema = z.tuple([
  z
    .string()
    .min(1, '打印内容为空')
    .max(MAX_PRINT_HTML_CHARS, '打印内容过大')
    .refine((h) => /^\s*<!doctype html>/i.test(h), '打印内容不是完整的 HTML 页面'),
])

/** Methods that take no argument must be called with none. */
export const noArgs = z.tuple([])
