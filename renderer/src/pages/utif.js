// Re-exports utif2 so the renderer's type check reads ./utif.d.ts instead of utif2's own
// typings, which `import 'node'` and would put Node's globals into the renderer's type world.
export { default } from 'utif2'
