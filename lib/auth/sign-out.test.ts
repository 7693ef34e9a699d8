// A plain sign-out ends that session on the server (issue #19): next-auth's signOut event revokes
// the token's session id, and from then on a copy of the cookie is refused by currentUser (even
// with the decoded token in its cache) and by the JWT callback behind next-auth's own session read.
import { encode, type JWT } from "next-auth/jwt";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { env } from "@/lib/env";
import { setUpFuzzWorld } from "@/tests/fuzz/setup";

const jar = vi.hoisted(() => ({ token: "" }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === "next-auth.session-token" && jar.token ? { name, value: jar.token } : undefined),
    getAll: () => (jar.token ? [{ name: "next-auth.session-token", value: jar.token }] : []),
  }),
}));

const { currentUser } = await import("./session");
const { authOptions } = await import("./options");

const fuzz = setUpFuzzWorld();

describe("signing out", () => {
  let token: JWT;
  beforeAll(async () => {
    // What the JWT callback puts in the cookie at sign-in.
    const jwt = authOptions().callbacks!.jwt!;
    const l1 = fuzz.world.users.l1;
    token = (await jwt({ token: { name: l1.displayName }, user: { id: l1.id, role: "learner", sv: 0 } as never, account: null, trigger: "signIn" })) as JWT;
    jar.token = await encode({ token, secret: env().authSecret });
  });

  it("gives every sign-in its own session id", async () => {
    const jwt = authOptions().callbacks!.jwt!;
    const again = (await jwt({ token: {}, user: { id: fuzz.world.users.l1.id, sv: 0 } as never, account: null, trigger: "signIn" })) as JWT;
    expect(token.sid).toMatch(/^[0-9a-f-]{36}$/);
    expect(again.sid).not.toBe(token.sid);
  });

  it("refuses a copy of the cookie after a plain sign-out", async () => {
    const jwt = authOptions().callbacks!.jwt!;
    expect(await currentUser()).toMatchObject({ id: fuzz.world.users.l1.id });
    expect(await jwt({ token, user: undefined as never, account: null })).toMatchObject({ uid: fuzz.world.users.l1.id });

    await authOptions().events!.signOut!({ token, session: null as never });

    // The same cookie, still unexpired and still in currentUser's cache of decoded tokens.
    expect(await currentUser()).toBeNull();
    expect(await jwt({ token, user: undefined as never, account: null })).toEqual({});
  });
});
