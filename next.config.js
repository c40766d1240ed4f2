// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // PGlite loads its WebAssembly and data files from its own package folder at run time.
  serverExternalPackages: ["@electric-sql/pglite"],
  experimental: {
    serverActions: {
      // The OTP form posts four short fields; nothing legitimate comes near this.
      bodySizeLimit: "16kb",
    },
  },
};

module.exports = nextConfig;
