// Every react-query key in one place, so a mutation knows what to invalidate.
export const queryKeys = {
  dashboard: (locale: string) => ["progress", "dashboard", locale] as const,
};
