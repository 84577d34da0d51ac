/**
 * Opens the database at server start (migrations, built-in admin, demo data on a new
 * embedded database), so the first request is fast and a broken setup stops the server
 * instead of leaving it "Ready" while every request fails. Then starts the background
 * work: this file composes the web side and the executor, which import neither each other.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startServer } = await import("./server/start-server");
  await startServer(async (database, config) => {
    const { startBackgroundWork } = await import("./executor/start-background");
    return startBackgroundWork(database, config);
  });
}
