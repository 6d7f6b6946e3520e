import type { RubricDiff } from '@scoring/index'
import { describeValue } from '@scoring/index'
import { changeNames, targetNames } from './labels'

/** Every change between two versions, one row per changed field (added and removed nodes take one row). */
export function DiffTable({ diff }: { diff: RubricDiff }) {
  if (diff.changes.length === 0) return <p className="muted" data-testid="diff-empty">两个版本内容相同。</p>
  return (
    <div data-testid="diff-table">
      <p className="diff-summary" data-testid="diff-summary">
        第{diff.from.version}版 → 第{diff.to.version}版：新增 {diff.counts.added} 处，删除 {diff.counts.removed} 处，修改 {diff.counts.changed} 处
      </p>
      <table className="mini-table diff-table">
        <thead>
          <tr>
            <th>变化</th>
            <th>对象</th>
            <th>编号／名称</th>
            <th>字段</th>
            <th>原值</th>
            <th>新值</th>
          </tr>
        </thead>
        <tbody>
          {diff.changes.flatMap((c, i) => {
            const head = (
              <>
                <td>
                  <span className={`chip change-${c.change}`}>{changeNames[c.change]}</span>
                </td>
                <td>{targetNames[c.target]}</td>
                <td className="diff-name">
                  {c.target !== 'rubric' && c.target !== 'policy' && <span className="tree-id">{c.id}</span>} {c.name}
                </td>
              </>
            )
            if (c.fields.length === 0) {
              return [
                <tr key={i} data-testid="diff-row" data-change={c.change} data-target={c.target} data-id={c.id}>
                  {head}
                  <td colSpan={3} className="muted">
                    {c.parentId ? `（在 ${c.parentId}）` : ''}
                  </td>
                </tr>,
              ]
            }
            return c.fields.map((f, k) => (
              <tr key={`${i}-${k}`} data-testid="diff-row" data-change={c.change} data-target={c.target} data-id={c.id} data-field={f.field}>
                {k === 0 ? head : <td colSpan={3} />}
                <td>{f.label}</td>
                <td className="old">{describeValue(f.field, f.from)}</td>
                <td className="new">{describeValue(f.field, f.to)}</td>
              </tr>
            ))
          })}
        </tbody>
      </table>
    </div>
  )
}
