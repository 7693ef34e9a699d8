import { describe, expect, it } from "vitest";
import { ACCESS_POINT_ADVICE, hallBanner } from "./advice";

describe("hall banner", () => {
  it("shows the best address first, the others after, and the access-point advice", () => {
    const text = hallBanner({ addresses: [{ name: "wlan0", address: "192.168.8.20" }, { name: "eth0", address: "10.0.0.5" }], port: 3000, qr: "[QR]" });
    expect(text.indexOf("http://192.168.8.20:3000")).toBeGreaterThan(-1);
    expect(text.indexOf("[QR]")).toBeGreaterThan(text.indexOf("http://192.168.8.20:3000"));
    expect(text).toContain("http://10.0.0.5:3000  (eth0)");
    expect(text).toMatch(/hotspot takes only about 8 devices/);
    for (const advice of ACCESS_POINT_ADVICE) expect(text).toContain(advice);
  });

  it("says what to do when the laptop is on no network", () => {
    const text = hallBanner({ addresses: [], port: 3100 });
    expect(text).toContain("on no network");
    expect(text).toContain("http://localhost:3100");
    expect(text).not.toContain("On phones, open");
  });

  it("names the bands, mains power and client isolation", () => {
    const all = ACCESS_POINT_ADVICE.join(" ");
    for (const words of ["2.4 GHz", "5 GHz", "mains power", "isolation", "travel router", "firewall"]) expect(all).toContain(words);
  });
});
