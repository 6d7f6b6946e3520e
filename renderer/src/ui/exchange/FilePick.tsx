import { useRef } from 'react'

/** A button that opens the file chooser; the input stays in the page (by test id) and is cleared so the same file can be chosen twice. */
export function FilePick({ label, testId, disabled, onFile }: { label: string; testId: string; disabled?: boolean; onFile: (file: File) => void }) {
  const input = useRef<HTMLInputElement>(null)
  return (
    <>
      <button disabled={disabled} onClick={() => input.current?.click()} data-testid={`${testId}-button`}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        accept=".zip,application/zip"
        hidden
        data-testid={testId}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0]
          e.currentTarget.value = ''
          if (file) onFile(file)
        }}
      />
    </>
  )
}
