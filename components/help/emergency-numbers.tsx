import { telHref } from "./contact";

/** The emergency numbers, large and callable with one tap. */
export function EmergencyNumbers({ numbers, label, or }: { numbers: string[]; label: string; or: string }) {
  return (
    <p className="emergency-numbers">
      <span className="emergency-label">{label}</span>{" "}
      {numbers.map((n, i) => (
        <span key={n}>
          {i > 0 && <span className="emergency-sep"> {or} </span>}
          <a className="emergency-number" href={telHref(n)}>
            {n}
          </a>
        </span>
      ))}
    </p>
  );
}
