// on every answer, pages and API alike (pages get their Content-Security-Policy, with a
// nonce, from proxy.ts)
const SECURITY_HEADERS = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The API contract serves `/api/job/job/` and `/api/job/job` alike, without a
  // redirect that would turn a POST or DELETE into a GET.
  skipTrailingSlashRedirect: true,
  serverExternalPackages: ["@electric-sql/pglite", "postgres"],
  poweredByHeader: false,
  // `npm run bench:api` builds into its own folder, so a build elsewhere in the same
  // checkout cannot replace the app it is measuring
  distDir: process.env.NEXT_DIST_DIR || ".next",
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      // JSON and event streams: nothing in them may load or run, nor be framed
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
};

module.exports = nextConfig;
