/**
 * Opens the database at server start (migrations, built-in admin, demo data on a new
 * embedded database), so the first request is fast and a broken setup stops the server
 * instead of leaving it "Ready" while every request fails.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startServer } = await import("./server/start-server");
  await startServer();
}
