import { useCallback, useState, type ReactElement } from 'react'
import { ModalForm } from './ModalForm'

interface Pending {
  fileName: string
  wrongBefore: boolean
  resolve: (password: string | null) => void
}

/** A promise-returning prompt, so import code can simply `await askPassword(...)`. */
export function usePasswordPrompt(): [ReactElement | null, (fileName: string, wrongBefore: boolean) => Promise<string | null>] {
  const [pending, setPending] = useState<Pending | null>(null)
  const ask = useCallback((fileName: string, wrongBefore: boolean) => new Promise<string | null>((resolve) => setPending({ fileName, wrongBefore, resolve })), [])
  const finish = (value: string | null) => {
    pending?.resolve(value)
    setPending(null)
  }
  const dialog = pending ? <PasswordDialog key={`${pending.fileName}-${pending.wrongBefore}`} pending={pending} onDone={finish} /> : null
  return [dialog, ask]
}

function PasswordDialog({ pending, onDone }: { pending: Pending; onDone: (value: string | null) => void }) {
  const [value, setValue] = useState('')
  return (
    <ModalForm title="需要打开密码" testId="password-dialog" onSubmit={() => onDone(value)} onCancel={() => onDone(null)} cancelLabel="取消导入" cancelTestId="password-cancel" submitLabel="确定" submitTestId="password-submit">
      <p>「{pending.fileName}」已加密，请输入打开密码。</p>
      {pending.wrongBefore && (
        <p className="error" role="alert" data-testid="password-error">
          密码不正确，请重新输入。
        </p>
      )}
      <input autoFocus type="password" data-testid="password-input" value={value} onChange={(e) => setValue(e.target.value)} aria-label="打开密码" />
    </ModalForm>
  )
}
