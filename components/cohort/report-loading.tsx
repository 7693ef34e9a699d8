// What a group's page shows while a slow report streams in (the page puts it as a Suspense
// fallback, after its access check): one calm line a screen reader announces politely, in a box
// about the size of what replaces it, so the page does not jump. No spinner to stare at.
import "./report-loading.css";

export function ReportLoading({ label, title, titleId }: { label: string; title?: string; titleId?: string }) {
  const status = (
    <p role="status" className="report-loading-status">
      {label}
    </p>
  );
  if (!title) return <div className="cohort-section report-loading">{status}</div>;
  return (
    <section aria-labelledby={titleId} className="cohort-section report-loading">
      <h2 id={titleId}>{title}</h2>
      {status}
    </section>
  );
}
