// Which address phones in a hall should type, from the machine's network interfaces. Pure (the
// interfaces are passed in), so the choice is tested with tables of cases; used by `npm run hall`
// (scripts/hall.ts) and by the projector's join address (lib/hall/address.ts).
import type { NetworkInterfaceInfo } from "node:os";

export type Interfaces = Record<string, NetworkInterfaceInfo[] | undefined>;

export interface LanAddress {
  /** The interface's name (wlan0, en0, eth0, Wi-Fi...). */
  name: string;
  address: string;
}

/**
 * Virtual interfaces no phone can reach: container bridges, VM host networks, VPN tunnels. Their
 * addresses look private, so only the name tells them apart.
 */
const VIRTUAL = /^(docker|br-|veth|virbr|vmnet|vboxnet|lxc|lxd|cni|flannel|podman|tun|tap|utun|wg|zt|tailscale|ham|awdl|llw|anpi|bridge100)/i;

/** Wi-Fi first (phones join the laptop's access point), then wired, then anything else. */
function rank(name: string): number {
  if (/^(wl|wifi|wi-fi|wlan|ath|ra\d)/i.test(name) || /wi-?fi|wireless|wlan/i.test(name)) return 0;
  if (/^(en|eth|ethernet)/i.test(name) || /ethernet/i.test(name)) return 1;
  return 2;
}

/** RFC 1918 private ranges: where a hall's access point hands out addresses. */
function isPrivate(address: string): boolean {
  const [a, b] = address.split(".").map(Number);
  return a === 10 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31);
}

/**
 * The IPv4 addresses phones on the same network can reach, best first. IPv6 is left out: many
 * phones on a hall's access point get no IPv6 route, and nobody can type one from a projector.
 * Skipped: loopback (internal), link-local 169.254.x.x (no DHCP answered: not a usable network),
 * and virtual interfaces.
 */
export function lanAddresses(interfaces: Interfaces): LanAddress[] {
  const found: (LanAddress & { order: number })[] = [];
  for (const [name, list] of Object.entries(interfaces)) {
    if (!list || VIRTUAL.test(name)) continue;
    for (const info of list) {
      // Node 18.0-18.3 reported family as a number.
      const v4 = info.family === "IPv4" || (info.family as unknown) === 4;
      if (!v4 || info.internal || info.address.startsWith("169.254.") || info.address.startsWith("127.")) continue;
      found.push({ name, address: info.address, order: rank(name) * 2 + (isPrivate(info.address) ? 0 : 1) });
    }
  }
  return found
    .sort((x, y) => x.order - y.order || x.name.localeCompare(y.name) || x.address.localeCompare(y.address))
    .map(({ name, address }) => ({ name, address }));
}

/** The address phones should type, or null when the laptop is on no network at all. */
export function preferredLanAddress(interfaces: Interfaces): string | null {
  return lanAddresses(interfaces)[0]?.address ?? null;
}

/** http://192.168.1.20:3000 (the port left out when it is 80). */
export function hallUrl(address: string, port: number): string {
  return port === 80 ? `http://${address}` : `http://${address}:${port}`;
}

/** The hostname of a Host header ("192.168.1.20:3000" -> "192.168.1.20"; "[::1]:3000" -> "::1"). */
export function hostnameOf(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith("[")) return h.slice(1, h.indexOf("]") > 0 ? h.indexOf("]") : undefined);
  return h.replace(/:\d+$/, "");
}

/**
 * The origin to print on a join sheet or projector when running as a hall. The address the
 * facilitator's browser used is kept when phones can reach it too (one of the LAN addresses);
 * otherwise (localhost, a .local name, the laptop's own name) the best LAN address is put in its
 * place, because many Android phones cannot resolve .local names and none can reach localhost.
 * Null: keep the request's origin (no LAN address known).
 */
export function hallJoinOrigin(requestHost: string, interfaces: Interfaces, port: number): string | null {
  const addresses = lanAddresses(interfaces).map((a) => a.address);
  if (addresses.length === 0) return null;
  const hostname = hostnameOf(requestHost);
  if (addresses.includes(hostname)) return null;
  return hallUrl(addresses[0], port);
}
