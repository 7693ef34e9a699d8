"use client";
// The header's menu on a phone: a <details> disclosure, so it opens and closes without
// JavaScript and screen readers hear a button that says whether it is expanded. From 60rem wide
// its summary is hidden and its links stand in the header's line (components/ui/site.css
// shows the content of a closed <details> there; this island also opens it, so nothing depends
// on that). With JavaScript it also closes when a link is followed, on Escape (focus back on the
// button), and on a tap outside it.
import { useEffect, useRef, type ReactNode } from "react";
import { usePathname } from "next/navigation";

/** Where the links stand in the line: the same width as in site.css. */
const WIDE = "(min-width: 60rem)";

const isWide = () => window.matchMedia(WIDE).matches;

export function SiteMenu({ label, children }: { label: string; children: ReactNode }) {
  const menu = useRef<HTMLDetailsElement>(null);
  const button = useRef<HTMLElement>(null);
  const pathname = usePathname();

  // Wide: open, so the links are plainly part of the page; narrow: closed until asked for. A menu
  // opened on a phone before this script ran stays open.
  useEffect(() => {
    const wide = window.matchMedia(WIDE);
    const apply = () => {
      if (menu.current) menu.current.open = wide.matches;
    };
    if (wide.matches) apply();
    wide.addEventListener("change", apply);
    return () => wide.removeEventListener("change", apply);
  }, []);

  // A followed link closes the menu (the header stays across pages).
  const shownFor = useRef(pathname);
  useEffect(() => {
    if (shownFor.current === pathname) return;
    shownFor.current = pathname;
    if (menu.current && !isWide()) menu.current.open = false;
  }, [pathname]);

  // A tap outside the open menu closes it, as people expect of a menu.
  useEffect(() => {
    const outside = (e: PointerEvent) => {
      const el = menu.current;
      if (el?.open && !isWide() && !el.contains(e.target as Node)) el.open = false;
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, []);

  return (
    <details
      ref={menu}
      className="site-menu"
      onKeyDown={(e) => {
        if (e.key !== "Escape" || !menu.current?.open || isWide()) return;
        menu.current.open = false;
        button.current?.focus();
      }}
      onClick={(e) => {
        // The same page's link changes no path: close here too.
        if (!isWide() && (e.target as HTMLElement).closest("a") && menu.current) menu.current.open = false;
      }}
    >
      <summary ref={button} className="site-menu-button">
        <svg className="site-menu-icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
          <path d="M3 5h14M3 10h14M3 15h14" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        <span className="site-menu-label">{label}</span>
      </summary>
      {children}
    </details>
  );
}
