// The bare floor: a root layout with nothing in it but the document.
export const metadata = { title: "Baseline", description: "A bare Next.js page: the framework floor for the benchmarks." };

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
