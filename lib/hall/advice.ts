// What `npm run hall` prints: the address phones type, and how to set up the room's network.
// Pure text (terminal English, like every script's output), tested in advice.test.ts.
import { hallUrl, type LanAddress } from "./lan";

/** The network advice, one point per line. Figures with their reasons: docs/deploy.md "A hall without internet". */
export const ACCESS_POINT_ADVICE: readonly string[] = [
  "A phone's hotspot takes only about 8 devices (10 at most on most phones): fine for a rehearsal, not for a room.",
  "For a room, use a travel router or access point of your own (no internet needed). Check its stated client limit: most small ones serve 30 to 60 phones; for more, add access points cabled to the same router.",
  "Give the network a WPA2/WPA3 password: without TLS, what people type crosses the air unencrypted.",
  "Turn off client or AP isolation (often on for 'guest' networks): with it, phones cannot reach the laptop.",
  "2.4 GHz reaches further and every phone has it; 5 GHz carries more and is less crowded. A dual-band router offering both under one name lets each phone choose.",
  "Connect the laptop to the router by cable if you can, keep it on mains power, and turn off sleep: a laptop on battery slows down, and a sleeping one stops the hall.",
  "Allow incoming connections on the port in the laptop's firewall.",
];

export interface BannerInput {
  addresses: LanAddress[];
  port: number;
  /** The QR code of the first address, drawn for a terminal (qrcode's "terminal" type); omitted in tests. */
  qr?: string;
}

/** The start-up banner: address(es), QR code and the advice; or what to do when there is no network. */
export function hallBanner({ addresses, port, qr }: BannerInput): string {
  const lines: string[] = [""];
  if (addresses.length === 0) {
    lines.push(
      "This laptop is on no network that phones could reach (only loopback or link-local addresses).",
      "Connect it to the room's access point (see below), then run npm run hall again.",
      `Meanwhile the app is at http://localhost:${port} on this laptop only.`,
    );
  } else {
    const [first, ...others] = addresses;
    lines.push("Common Ground is serving the hall. On phones, open:", "", `    ${hallUrl(first.address, port)}`, "");
    if (qr) lines.push(qr);
    if (others.length) {
      lines.push("Also reachable at (other networks of this laptop):", ...others.map((a) => `    ${hallUrl(a.address, port)}  (${a.name})`), "");
    }
    lines.push("The projector page of a live session shows the same address with its QR code.");
  }
  lines.push("", "The room's network:", ...ACCESS_POINT_ADVICE.map((a) => `  - ${a}`), "", "Stop the hall with Ctrl+C. Answers are kept in data/ for the next start.", "");
  return lines.join("\n");
}
