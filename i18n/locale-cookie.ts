// The cookie next-intl's proxy negotiates "/" by, shared by the server (i18n/routing.ts,
// lib/account/locale.ts) and the switcher in the browser (components/ui/language-links.tsx).
// A year: the choice outlives the browser session.
export const LOCALE_COOKIE = { name: "NEXT_LOCALE", maxAge: 60 * 60 * 24 * 365 } as const;
