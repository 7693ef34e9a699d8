// Runs once when the server starts: validate the environment, apply migrations and create the
// first admin from ADMIN_EMAIL / ADMIN_PASSWORD, so a misconfiguration fails at start, loudly.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("./lib/startup");
  await startServer();
}
