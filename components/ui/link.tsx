"use client";
// Every in-app link goes through this one (import Link from "@/components/ui/link", never
// "next/link"). It prefetches the next page only when the person shows intent: a pointer over
// the link, keyboard focus on it, or a finger on it. Next's default prefetches every link as it
// scrolls into view, which on a phone spent data on pages nobody opened (twelve fetches on the
// home page) and kept the main thread busy just after load (Lighthouse total blocking time,
// bench/). Next's prefetching guide, "Hover-triggered prefetch".
// eslint-disable-next-line no-restricted-imports -- the one place next/link is used
import NextLink from "next/link";
import { useState, type ComponentProps } from "react";

export default function Link({ prefetch, onMouseEnter, onFocus, onTouchStart, ...props }: ComponentProps<typeof NextLink>) {
  const [intent, setIntent] = useState(false);
  return (
    <NextLink
      {...props}
      // null is Next's default prefetching, switched on once intent is shown.
      prefetch={prefetch ?? (intent ? null : false)}
      onMouseEnter={(e) => {
        setIntent(true);
        onMouseEnter?.(e);
      }}
      onFocus={(e) => {
        setIntent(true);
        onFocus?.(e);
      }}
      onTouchStart={(e) => {
        setIntent(true);
        onTouchStart?.(e);
      }}
    />
  );
}
