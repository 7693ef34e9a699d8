// The client's address for the limits: what trusted proxies appended, or next start's own entry.
import { describe, expect, it } from "vitest";
import { addressBucket, clientAddress, clientOf } from "./client";

const headers = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });
const config = { authSecret: "s".repeat(32), secureCookies: false, trustProxyHops: 1 };

describe("clientAddress", () => {
  it("without a proxy, takes the rightmost entry: next start's socket address, as every browser gets", () => {
    // next start writes the socket's address when the request brings no header (browsers never do).
    expect(clientAddress(headers("203.0.113.9"), 0)).toBe("203.0.113.9");
    // A script that writes the header itself chooses its own bucket: it can dodge the address
    // limits, but it cannot put every client into one bucket and lock them all out, which a
    // single shared "unknown" bucket allowed.
    const a = clientOf(new Request("http://x/", { headers: headers("203.0.113.9") }), { ...config, trustProxyHops: 0 }).address;
    const b = clientOf(new Request("http://x/", { headers: headers("198.51.100.7") }), { ...config, trustProxyHops: 0 }).address;
    expect(a).not.toBe(b);
    expect(a).not.toBe("unknown");
    expect(clientAddress(headers(), 0)).toBeNull();
  });

  it("takes the entry the trusted proxy appended, not what the client wrote before it", () => {
    expect(clientAddress(headers("1.2.3.4, 198.51.100.7"), 1)).toBe("198.51.100.7");
    expect(clientAddress(headers("1.2.3.4, 198.51.100.7, 10.0.0.2"), 2)).toBe("198.51.100.7");
    // Fewer entries than proxies: nothing is vouched for.
    expect(clientAddress(headers("198.51.100.7"), 2)).toBeNull();
    expect(clientAddress(headers(), 1)).toBeNull();
    expect(clientAddress(headers("not-an-address"), 1)).toBeNull();
  });

  it("counts IPv6 by its /64 and IPv4-mapped IPv6 as IPv4", () => {
    expect(addressBucket("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(addressBucket("[2001:db8::1]:443")).toBe("2001:db8:0:0::/64");
  });

  it("hashes the address and device: neither is kept in the clear", () => {
    const client = clientOf(new Request("http://x/", { headers: headers("198.51.100.7") }), config);
    expect(client.address).toMatch(/^[0-9a-f]{64}$/);
    expect(client.address).not.toContain("198.51.100.7");
    expect(client.device).toBeNull();
  });
});
