// Test stand-in for the "server-only" package (see vitest.config.mts).
export {};
