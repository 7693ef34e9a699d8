"use client";

/** Opens the browser's print dialog; the print stylesheet leaves only the card. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="button" onClick={() => window.print()}>
      {label}
    </button>
  );
}
