// The sql.js build with the WebAssembly binary inlined as base64: no separate .wasm fetch, so it
// loads the same way in Node (vitest, CLI) and in a module worker under the app's CSP.
declare module 'sql.js/dist/sql-wasm-inline.js' {
  import initSqlJs from 'sql.js';
  export default initSqlJs;
}
