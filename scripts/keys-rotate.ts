// npm run keys:rotate
// Retires the key that signs credentials and makes a new one (docs/deploy.md, "Signing keys").
// Credentials issued from now on use the new key; the retired key stays published at
// /api/credentials/keys, so every credential it signed still verifies. Safe to run while the app
// serves: each instance reads the active key from the database when it signs.
import { env } from "../lib/env";
import { createDb, migrateToLatest } from "../lib/db/client";
import { activeSigner, publishedKeys, rotateSigningKey } from "../lib/signing-keys/keys";

async function main() {
  const handle = createDb(env().database);
  try {
    await migrateToLatest(handle);
    // Decrypts the current key first: a wrong secret stops here, before anything changes.
    await activeSigner(handle, "credentials");
    const { kid, retired } = await rotateSigningKey(handle, "credentials");
    const published = await publishedKeys(handle, "credentials");
    console.log(`New signing key ${kid}; retired ${retired.join(", ") || "none"}. ${published.length} keys published (old credentials still verify).`);
  } finally {
    await handle.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
