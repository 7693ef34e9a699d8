import QRCode from "qrcode";

/**
 * A QR code as inline SVG, made on the server (no script, no network). Dark on white whatever the
 * theme, because phone cameras read that best; the wrapper is one image with a text alternative.
 */
export async function QrCode({ value, label, className = "qr-code" }: { value: string; label: string; className?: string }) {
  const svg = await QRCode.toString(value, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return <div className={className} role="img" aria-label={label} dangerouslySetInnerHTML={{ __html: svg }} />;
}
