// A static page (prerendered at build time, like the app's lesson pages) with a little text.
export default function Page() {
  return (
    <main>
      <h1>Baseline</h1>
      <p>A bare Next.js page: what the framework costs before the app adds anything.</p>
    </main>
  );
}
