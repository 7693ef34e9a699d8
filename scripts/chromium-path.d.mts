// Types for scripts/chromium-path.mjs (plain JavaScript, so that `node` runs it before anything is built).
export declare const HEADLESS_SHELL: string;
export declare const findChromium: () => string | undefined;
