import { getContext } from "./context";

export async function startServer(): Promise<void> {
  try {
    const ctx = await getContext();
    const where = ctx.config.databaseUrl ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${ctx.config.pgliteDir}`;
    console.log(`[zuoye] database ready: ${where}`);
  } catch (e) {
    console.error("[zuoye] startup failed:", e);
    process.exit(1);
  }
}
