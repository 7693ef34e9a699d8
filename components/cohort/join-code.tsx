/**
 * The join code in big letters, grouped 4+4 to read out and type; screen readers get it letter
 * by letter instead of as two made-up words. Always left to right and isolated (dir): on a
 * right-to-left page it reads as typed.
 */
export function JoinCode({ code, className = "join-code" }: { code: string; className?: string }) {
  const grouped = code.replace(/(.{4})(?=.)/g, "$1 ");
  return (
    <span className={className} dir="ltr">
      <span aria-hidden="true">{grouped}</span>
      <span className="visually-hidden">{code.split("").join(" ")}</span>
    </span>
  );
}
