import os from "node:os";
import path from "node:path";
import { z } from "zod";

/** An origin as browsers send it in `Origin`: http(s), a host, maybe a port, nothing after. */
function isOrigin(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === "http:" || u.protocol === "https:") && !u.username && !u.password && u.pathname === "/" && !u.search && !u.hash;
  } catch {
    return false;
  }
}

const Env = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  DATA_DIR: z.string().trim().min(1).default("./data"),
  PROJECTS_ROOT: z.string().trim().min(1).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().trim().min(1).default("0.0.0.0"),
  ADMIN_USERNAME: z.string().trim().min(1).max(150).default("admin"),
  ADMIN_DISPLAY_NAME: z.string().trim().min(1).max(150).default("管理员"),
  ADMIN_PASSWORD: z
    .string()
    .min(8, "ADMIN_PASSWORD must be at least 8 characters")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(168),
  COOKIE_SECURE: z.enum(["auto", "always", "never"]).default("auto"),
  TRUST_PROXY: z.coerce.number({ message: "the number of reverse proxies in front of the app, e.g. 1" }).int().min(0).max(10).default(0),
  PUBLIC_URL: z
    .string()
    .trim()
    .refine(isOrigin, "the site's origin as browsers see it, e.g. https://ops.example.com (no path, query or fragment)")
    .transform((u) => new URL(u).origin)
    .optional()
    .or(z.literal("").transform(() => undefined)),
  DEMO_DATA: z.enum(["0", "1"]).default("1"),
  EXECUTOR: z.enum(["inline", "off"]).optional(),
  WORKER_CAPACITY: z.coerce.number().int().min(1).max(256).default(4),
  WORKER_ID: z.string().trim().min(1).max(200).optional(),
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(20),
  SECRET_KEY: z
    .string()
    .min(16, "SECRET_KEY must be at least 16 characters")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  ANSIBLE_RUN_AS: z
    .string()
    .trim()
    .regex(/^[a-z_][a-z0-9_-]*\$?$/i, "a user name of this machine")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  SANDBOX: z.enum(["on", "off"]).default("on"),
  OUTPUT_RETRY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(120),
  JINJA_IN_VARIABLES: z.enum(["template", "always", "never"]).default("template"),
  GIT_ALLOW_PROTOCOL: z
    .string()
    .trim()
    .regex(/^[a-z+:]+$/, "a colon-separated list such as file:https:ssh")
    .default("https:ssh:git"),
  WEB_CONCURRENCY: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.number({ message: "the number of web processes, e.g. 4" }).int().min(1).max(256).optional(),
  ),
  KEEP_ALIVE_SECONDS: z.coerce.number({ message: "seconds an idle HTTP connection stays open, e.g. 65" }).int().min(1).max(3600).default(65),
  // set by the launcher (scripts/serve.ts) in each web process it starts, 1…WEB_CONCURRENCY
  ZUOYE_WEB_PROCESS: z.coerce.number().int().min(1).max(256).optional(),
});

/** Settings that only make sense together. */
const CheckedEnv = Env.superRefine((e, ctx) => {
  if (!e.DATABASE_URL && e.WEB_CONCURRENCY !== undefined && e.WEB_CONCURRENCY > 1) {
    ctx.addIssue({
      code: "custom",
      path: ["WEB_CONCURRENCY"],
      message: `${e.WEB_CONCURRENCY} web processes need DATABASE_URL (PostgreSQL): the embedded database is one file-backed PGlite that a single process owns, so it is served by exactly 1`,
    });
  }
});

export type Config = {
  databaseUrl: string | undefined;
  dataDir: string;
  pgliteDir: string;
  projectsRoot: string;
  port: number;
  hostname: string;
  adminUsername: string;
  adminDisplayName: string;
  /** sets the first admin's password when it has none yet (first start) */
  adminPassword: string | undefined;
  sessionTtlSeconds: number;
  /** Secure flag of the login cookies: "auto" sets it when the request came over HTTPS */
  cookieSecure: "auto" | "always" | "never";
  /** reverse proxies in front of the app whose X-Forwarded-* headers are believed; 0: none, the socket tells */
  trustProxy: number;
  /** the site's origin (`https://ops.example.com`) for links and the CSRF check; unset: from the request */
  publicUrl: string | undefined;
  /** where links in notifications point (they have no request): PUBLIC_URL, else http://localhost:PORT */
  linkBaseUrl: string;
  demoData: boolean;
  /** run the executor inside the web process (default with the embedded database) */
  inlineExecutor: boolean;
  /** jobs one executor process runs at once */
  workerCapacity: number;
  workerId: string | undefined;
  /** at SIGTERM/SIGINT, how long running jobs may still finish before they are stopped and ended `error` */
  shutdownGraceSeconds: number;
  /** private working directories of running jobs */
  runDir: string;
  /** encrypts credential secrets at rest; unset: a key file in the data directory */
  secretKey: string | undefined;
  /** the OS user Ansible runs as (the executor must run as root); unset: the executor's own user */
  ansibleRunAs: string | undefined;
  /** how long the executor retries storing a job's output before it ends the job `error` */
  outputRetrySeconds: number;
  /** "on": every job and git sync runs in a bubblewrap sandbox (refused where it cannot); "off": not sandboxed */
  sandbox: "on" | "off";
  /** whose job variables Ansible may render Jinja in: the template's (default), all, or none */
  jinjaInVariables: "template" | "always" | "never";
  /** git transports project syncs may use (git's GIT_ALLOW_PROTOCOL); https:ssh:git when unset */
  gitAllowProtocol: string;
  /** web processes the launcher starts on the port: the cores with PostgreSQL, always 1 on the embedded database */
  webConcurrency: number;
  /**
   * how long the web processes keep an idle HTTP connection open for the next request. Node's
   * 5 s races the clients and proxies that reuse a connection later (a request sent as the
   * server closes it fails with ECONNRESET); the default outlasts their usual 60 s.
   */
  keepAliveSeconds: number;
  /** this web process's number under the launcher (1…webConcurrency); undefined under a bare `next start` */
  webProcess: number | undefined;
};

/** Reads and validates the environment once; every other module takes the result as an argument. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = CheckedEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(/*turbopackIgnore: true*/ e.DATA_DIR);
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir,
    pgliteDir: path.join(dataDir, "pglite"),
    projectsRoot: path.resolve(/*turbopackIgnore: true*/ e.PROJECTS_ROOT ?? path.join(dataDir, "projects")),
    port: e.PORT,
    hostname: e.HOSTNAME,
    adminUsername: e.ADMIN_USERNAME,
    adminDisplayName: e.ADMIN_DISPLAY_NAME,
    adminPassword: e.ADMIN_PASSWORD,
    sessionTtlSeconds: e.SESSION_TTL_HOURS * 3600,
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: e.TRUST_PROXY,
    publicUrl: e.PUBLIC_URL,
    linkBaseUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    demoData: e.DEMO_DATA === "1" && !e.DATABASE_URL,
    inlineExecutor: (e.EXECUTOR ?? (e.DATABASE_URL ? "off" : "inline")) === "inline",
    workerCapacity: e.WORKER_CAPACITY,
    workerId: e.WORKER_ID,
    shutdownGraceSeconds: e.SHUTDOWN_GRACE_SECONDS,
    runDir: path.join(dataDir, "run"),
    gitAllowProtocol: e.GIT_ALLOW_PROTOCOL,
    jinjaInVariables: e.JINJA_IN_VARIABLES,
    ansibleRunAs: e.ANSIBLE_RUN_AS,
    sandbox: e.SANDBOX,
    outputRetrySeconds: e.OUTPUT_RETRY_SECONDS,
    secretKey: e.SECRET_KEY,
    webConcurrency: e.WEB_CONCURRENCY ?? (e.DATABASE_URL ? os.availableParallelism() : 1),
    keepAliveSeconds: e.KEEP_ALIVE_SECONDS,
    webProcess: e.ZUOYE_WEB_PROCESS,
  };
}
