// npm run keys:rotate [-- --purpose=lti]
// Retires the key that signs credentials (or, with --purpose=lti, the LTI tool's key: docs/lti.md)
// and makes a new one (docs/deploy.md, "Signing keys").
// Credentials issued from now on use the new key; the retired key stays published at
// /api/credentials/keys, so every credential it signed still verifies. Safe to run while the app
// serves: each instance reads the active key from the database when it signs.
import { env } from "../lib/env";
import { createDb, migrateToLatest } from "../lib/db/client";
import { activeSigner, ALG_OF, publishedKeys, rotateSigningKey, type KeyPurpose } from "../lib/signing-keys/keys";

const PURPOSES = Object.keys(ALG_OF) as KeyPurpose[];

async function main() {
  const asked = process.argv.find((a) => a.startsWith("--purpose="))?.slice("--purpose=".length) ?? "credentials";
  if (!PURPOSES.includes(asked as KeyPurpose)) throw new Error(`--purpose must be one of ${PURPOSES.join(", ")}, not "${asked}"`);
  const purpose = asked as KeyPurpose;
  const handle = createDb(env().database);
  try {
    await migrateToLatest(handle);
    // Decrypts the current key first: a wrong secret stops here, before anything changes.
    await activeSigner(handle, purpose);
    const { kid, retired } = await rotateSigningKey(handle, purpose);
    const published = await publishedKeys(handle, purpose);
    console.log(`New ${purpose} signing key ${kid} (${ALG_OF[purpose]}); retired ${retired.join(", ") || "none"}. ${published.length} keys published (what the old ones signed still verifies).`);
  } finally {
    await handle.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
