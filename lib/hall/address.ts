// The hall's address as the server sees it (`npm run hall` sets HALL=1): read from the network
// interfaces at each call, since a laptop may join the room's access point after it started.
import "server-only";
import os from "node:os";
import { env } from "@/lib/env";
import { hallJoinOrigin, lanAddresses, type LanAddress } from "./lan";

export function isHall(): boolean {
  return env().hall;
}

/** The LAN addresses phones can reach, best first; empty outside hall mode. */
export function hallAddresses(): LanAddress[] {
  return isHall() ? lanAddresses(os.networkInterfaces()) : [];
}

/**
 * The origin to put in a join address for a request that reached the app at `host`: in hall mode
 * the laptop's LAN address when the facilitator opened the page at localhost or a .local name;
 * null otherwise (keep the request's own origin).
 */
export function hallOriginFor(host: string): string | null {
  return isHall() ? hallJoinOrigin(host, os.networkInterfaces(), env().hallPort) : null;
}
