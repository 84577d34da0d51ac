/** @type {import('next').NextConfig} */
const nextConfig = {
  // The API contract serves `/api/job/job/` and `/api/job/job` alike, without a
  // redirect that would turn a POST or DELETE into a GET.
  skipTrailingSlashRedirect: true,
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "pg-boss"],
  poweredByHeader: false,
};

module.exports = nextConfig;
