// Runs once when the server starts: validate the environment, apply migrations and create the
// first admin from ADMIN_EMAIL / ADMIN_PASSWORD. A misconfiguration stops the server at once,
// with a message naming the problem, rather than leaving it up and answering errors.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("./lib/startup");
  try {
    await startServer();
  } catch (e) {
    console.error(`Common Ground cannot start.\n${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
