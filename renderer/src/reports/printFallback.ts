/**
 * The browser host cannot write a PDF itself: the page goes into a hidden iframe and the print
 * dialog opens, where the user picks 另存为 PDF. The iframe stays until the dialog closes.
 */
export async function printInFrame(html: string, doc: Document = document): Promise<void> {
  const frame = doc.createElement('iframe')
  frame.setAttribute('data-testid', 'print-frame')
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden'
  frame.srcdoc = html
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }))
  doc.body.appendChild(frame)
  await loaded
  const win = frame.contentWindow
  if (!win) throw new Error('无法打开打印页面')
  // Inlined fonts decode asynchronously; printing before they are ready would print fallback glyphs.
  await win.document.fonts.ready
  win.addEventListener('afterprint', () => setTimeout(() => frame.remove(), 0), { once: true })
  win.focus()
  win.print()
}
