import type { NetworkInterfaceInfo } from "node:os";
import { describe, expect, it } from "vitest";
import { hallJoinOrigin, hallUrl, hostnameOf, lanAddresses, preferredLanAddress, type Interfaces } from "./lan";

const v4 = (address: string, internal = false): NetworkInterfaceInfo => ({ address, netmask: "255.255.255.0", family: "IPv4", mac: "00:00:00:00:00:00", internal, cidr: `${address}/24` });
const v6 = (address: string): NetworkInterfaceInfo => ({ address, netmask: "ffff:ffff:ffff:ffff::", family: "IPv6", mac: "00:00:00:00:00:00", internal: false, cidr: `${address}/64`, scopeid: 0 });

const laptop: Interfaces = {
  lo: [v4("127.0.0.1", true)],
  docker0: [v4("172.17.0.1")],
  "br-5f2a": [v4("172.18.0.1")],
  eth0: [v4("10.0.0.5"), v6("fe80::1")],
  wlan0: [v4("192.168.8.20"), v6("fd00::20")],
  tailscale0: [v4("100.101.1.2")],
};

describe("lanAddresses", () => {
  it("prefers Wi-Fi, then wired, and skips loopback, IPv6 and container, VM and VPN interfaces", () => {
    expect(lanAddresses(laptop)).toEqual([
      { name: "wlan0", address: "192.168.8.20" },
      { name: "eth0", address: "10.0.0.5" },
    ]);
  });

  it.each([
    ["macOS Wi-Fi (en0) before a USB adapter (en5) by name", { en5: [v4("192.168.1.9")], en0: [v4("192.168.1.8")], utun3: [v4("10.8.0.2")], awdl0: [v6("fe80::2")] }, "192.168.1.8"],
    ["Windows names", { "vEthernet (WSL)": [v4("172.29.0.1")], "Wi-Fi": [v4("192.168.0.14")], "Loopback Pseudo-Interface 1": [v4("127.0.0.1", true)] }, "192.168.0.14"],
    ["link-local only (no DHCP answered) is no network", { wlan0: [v4("169.254.10.3")] }, null],
    ["nothing but loopback", { lo: [v4("127.0.0.1", true)] }, null],
    ["a public address on wired is still reachable, after a private one", { eth0: [v4("203.0.113.7")], eth1: [v4("192.168.1.2")] }, "192.168.1.2"],
    ["Node 18.0's numeric family", { wlan0: [{ ...v4("192.168.4.4"), family: 4 as unknown as "IPv4" }] }, "192.168.4.4"],
  ])("%s", (_what, interfaces, expected) => {
    expect(preferredLanAddress(interfaces as Interfaces)).toBe(expected);
  });
});

describe("join origin in hall mode", () => {
  it("puts the LAN address in place of localhost or a .local name, with the hall's port", () => {
    expect(hallJoinOrigin("localhost:3000", laptop, 3000)).toBe("http://192.168.8.20:3000");
    expect(hallJoinOrigin("127.0.0.1:3000", laptop, 3000)).toBe("http://192.168.8.20:3000");
    expect(hallJoinOrigin("my-laptop.local:3000", laptop, 3000)).toBe("http://192.168.8.20:3000");
    expect(hallJoinOrigin("[::1]:3000", laptop, 8080)).toBe("http://192.168.8.20:8080");
  });

  it("keeps an address phones can reach already (the one the facilitator used)", () => {
    expect(hallJoinOrigin("10.0.0.5:3000", laptop, 3000)).toBeNull();
    expect(hallJoinOrigin("192.168.8.20:3000", laptop, 3000)).toBeNull();
  });

  it("keeps the request's origin when the laptop is on no network", () => {
    expect(hallJoinOrigin("localhost:3000", { lo: [v4("127.0.0.1", true)] }, 3000)).toBeNull();
  });

  it("writes addresses and host names plainly", () => {
    expect(hallUrl("192.168.1.2", 80)).toBe("http://192.168.1.2");
    expect(hallUrl("192.168.1.2", 3000)).toBe("http://192.168.1.2:3000");
    expect(hostnameOf("Laptop.LOCAL:3000")).toBe("laptop.local");
    expect(hostnameOf("[fe80::1]:3000")).toBe("fe80::1");
    expect(hostnameOf("192.168.1.2")).toBe("192.168.1.2");
  });
});
