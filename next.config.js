/** @type {import('next').NextConfig} */
const nextConfig = {
  // The API contract serves `/api/job/job/` and `/api/job/job` alike, without a
  // redirect that would turn a POST or DELETE into a GET.
  skipTrailingSlashRedirect: true,
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "pg-boss"],
  poweredByHeader: false,
  // `npm run bench:api` builds into its own folder, so a build elsewhere in the same
  // checkout cannot replace the app it is measuring
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

module.exports = nextConfig;
