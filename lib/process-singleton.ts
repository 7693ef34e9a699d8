// One value per server process, whatever copy of a module asks for it.
//
// Next bundles a module into every server layer that imports it (instrumentation, route handlers,
// pages), and each copy has its own module scope: a module-level `let` is one per copy, not one per
// process. A running server was seen holding three SQLite connections (startup, an API route and a
// page) and loading the content three times. State that must exist once (the database handle, the
// loaded content) lives on globalThis under a registered symbol instead, through this function.
/** The value stored under `key` for this process, made by `make` on first use. */
export function processSingleton<T extends object>(key: string, make: () => T): T {
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  const symbol = Symbol.for(`common-ground.${key}`);
  return (store[symbol] ??= make());
}
