// Runs once when the server starts: validate the environment, apply migrations and create the
// first admin (lib/startup.ts). A misconfiguration stops the server at once, naming the problem.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServerOrExit } = await import("./lib/startup");
  await startServerOrExit();
}
