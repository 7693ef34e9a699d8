// The id_token checks of a launch, against a simulated platform's own keys: what a valid launch
// yields, and each way a token can be wrong (expired, replayed, signed by another key, for
// another tool, naming a key the platform never published, from an unregistered deployment).
import { generateKeyPair } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { PlatformSimulator, type LaunchSpec } from "@/tests/lti/platform-simulator";
import { CLAIM, mapRoles } from "./claims";
import { verifyIdToken } from "./verify";

process.env.LOG_SILENT = "1";

const sim = new PlatformSimulator();
const learner: LaunchSpec = { sub: "learner-1", roles: ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"], context: { id: "course-9" }, custom: { course: "responding-well" } };
const target = () => ({ issuer: sim.issuer, clientId: sim.clientId, deploymentIds: [sim.deploymentId] });
const NONCE = "nonce-abc";

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e.key;
    throw e;
  }
  throw new Error("the launch was accepted");
}

beforeAll(async () => {
  await sim.keys();
});

describe("verifyIdToken", () => {
  it("accepts a launch signed by the platform and returns its claims", async () => {
    const token = await sim.signIdToken(learner, NONCE);
    const { claims } = await verifyIdToken(token, target(), sim.keyResolver(), NONCE);
    expect(claims.sub).toBe("learner-1");
    expect(claims[CLAIM.messageType]).toBe("LtiResourceLinkRequest");
    expect(claims[CLAIM.context]?.id).toBe("course-9");
    expect(mapRoles(claims[CLAIM.roles])).toBe("learner");
  });

  it("refuses an expired token", async () => {
    const past = Math.floor(Date.now() / 1000) - 3600;
    const token = await sim.signIdToken(learner, NONCE, { issuedAt: past - 60, expiresAt: past });
    expect(await refusal(verifyIdToken(token, target(), sim.keyResolver(), NONCE))).toBe("lti.expired");
  });

  it("refuses a token issued long ago even when its expiry is far off", async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await sim.signIdToken(learner, NONCE, { issuedAt: now - 3600, expiresAt: now + 3600 });
    expect(await refusal(verifyIdToken(token, target(), sim.keyResolver(), NONCE))).toBe("lti.expired");
  });

  it("refuses a token whose nonce is not the login's (a replay from another login)", async () => {
    const token = await sim.signIdToken(learner, "another-nonce");
    expect(await refusal(verifyIdToken(token, target(), sim.keyResolver(), NONCE))).toBe("lti.replayed");
  });

  it("refuses a token signed by another key under the platform's key id", async () => {
    const other = await generateKeyPair("RS256");
    const token = await sim.signIdToken(learner, NONCE, { key: other.privateKey });
    expect(await refusal(verifyIdToken(token, target(), sim.keyResolver(), NONCE))).toBe("lti.badSignature");
  });

  it("refuses a token naming a key the platform never published", async () => {
    const other = await generateKeyPair("RS256");
    const token = await sim.signIdToken(learner, NONCE, { key: other.privateKey, kid: "made-up" });
    expect(await refusal(verifyIdToken(token, target(), sim.keyResolver(), NONCE))).toBe("lti.unknownKey");
  });

  it("refuses a token for another tool (audience), and one with several audiences but no azp", async () => {
    const forOther = await sim.signIdToken(learner, NONCE, { audience: "another-tool" });
    expect(await refusal(verifyIdToken(forOther, target(), sim.keyResolver(), NONCE))).toBe("lti.wrongAudience");
    const several = await sim.signIdToken(learner, NONCE, { audience: [sim.clientId, "another-tool"] });
    expect(await refusal(verifyIdToken(several, target(), sim.keyResolver(), NONCE))).toBe("lti.wrongAudience");
    const wrongAzp = await sim.signIdToken(learner, NONCE, { audience: [sim.clientId, "another-tool"], azp: "another-tool" });
    expect(await refusal(verifyIdToken(wrongAzp, target(), sim.keyResolver(), NONCE))).toBe("lti.wrongAudience");
    const rightAzp = await sim.signIdToken(learner, NONCE, { audience: [sim.clientId, "another-tool"], azp: sim.clientId });
    await expect(verifyIdToken(rightAzp, target(), sim.keyResolver(), NONCE)).resolves.toBeTruthy();
  });

  it("refuses a token from another issuer", async () => {
    const token = await sim.signIdToken(learner, NONCE, { issuer: "https://elsewhere.example" });
    expect(await refusal(verifyIdToken(token, target(), sim.keyResolver(), NONCE))).toBe("lti.wrongIssuer");
  });

  it("refuses a deployment the admin did not register", async () => {
    const token = await sim.signIdToken({ ...learner, claims: { [CLAIM.deploymentId]: "deployment-2" } }, NONCE);
    expect(await refusal(verifyIdToken(token, target(), sim.keyResolver(), NONCE))).toBe("lti.unknownDeployment");
  });

  it("refuses another LTI version, an unknown message type, roles that are not a list, a link without its id", async () => {
    for (const claims of [
      { [CLAIM.version]: "1.1" },
      { [CLAIM.messageType]: "LtiSubmissionReviewRequest" },
      { [CLAIM.roles]: "Learner" },
      { [CLAIM.resourceLink]: undefined },
    ]) {
      const token = await sim.signIdToken({ ...learner, claims }, NONCE);
      expect(await refusal(verifyIdToken(token, target(), sim.keyResolver(), NONCE))).toBe("lti.badMessage");
    }
  });

  it("refuses an unsigned token (alg none) and an HMAC one", async () => {
    const [h, p] = (await sim.signIdToken(learner, NONCE)).split(".");
    const header = Buffer.from(JSON.stringify({ alg: "none", kid: sim.kid })).toString("base64url");
    expect(await refusal(verifyIdToken(`${header}.${p}.`, target(), sim.keyResolver(), NONCE))).toBe("lti.badSignature");
    const hs = Buffer.from(JSON.stringify({ alg: "HS256", kid: sim.kid })).toString("base64url");
    expect(await refusal(verifyIdToken(`${hs}.${p}.${h}`, target(), sim.keyResolver(), NONCE))).toBe("lti.badSignature");
  });
});

describe("mapRoles", () => {
  it.each([
    [["http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"], "instructor"],
    [["Instructor"], "instructor"],
    [["http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator"], "instructor"],
    [["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"], "learner"],
    [["http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor"], "learner"],
    [[], "learner"],
  ])("%j -> %s", (roles, expected) => {
    expect(mapRoles(roles)).toBe(expected);
  });
});
