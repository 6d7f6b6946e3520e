/**
 * Sent as a response header (not a <meta>) because only a header also governs the
 * pdf.js worker. 'wasm-unsafe-eval' lets pdf.js decode JPEG 2000 with OpenJPEG wasm;
 * blob: and data: images are page thumbnails and decoded scans. No remote origin appears.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "font-src 'self' data:",
  "connect-src 'self' blob: data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')
