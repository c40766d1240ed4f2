// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    serverActions: {
      // The OTP form posts four short fields; nothing legitimate comes near this.
      bodySizeLimit: "16kb",
    },
  },
};

module.exports = nextConfig;
