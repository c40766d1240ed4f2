import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * Eko's own sample responses, from its offline mock server (@ekoindia/eps-mock-server, MIT): the simulator answers
 * with these shapes instead of shapes typed again by hand.
 */
type FixtureError = { scenario: string; statusCode: number; example: unknown };
type Fixture = { slug: string; method: string; path: string; successResponse: unknown; errors?: FixtureError[] };
export type EkoBody = Record<string, unknown>;

function loadFixtures(): Fixture[] {
  const require = createRequire(path.join(process.cwd(), "package.json"));
  const file = require.resolve("@ekoindia/eps-mock-server/data/fixtures.json");
  return JSON.parse(readFileSync(file, "utf8")) as Fixture[];
}

function asBody(value: unknown, what: string): EkoBody {
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new Error(`Eko fixture missing: ${what}`);
  return structuredClone(value as EkoBody);
}

function errorExample(fixtures: Fixture[], slug: string, match: (example: EkoBody, error: FixtureError) => boolean, what: string): EkoBody {
  const fixture = fixtures.find((f) => f.slug === slug);
  const found = fixture?.errors?.find((e) => e.example && typeof e.example === "object" && match(e.example as EkoBody, e));
  return asBody(found?.example, `${slug}: ${what}`);
}

export type EkoShapes = {
  sendOtpSuccess: EkoBody;
  monthlyLimitExhausted: EkoBody;
  agentNotOnboarded: EkoBody;
  customerNotFound: EkoBody;
  invalidInitiator: EkoBody;
  forbidden: EkoBody;
  /** PPI Levin's other operations: Eko's published success, and its published refusals where it has any. */
  getSender: EkoBody;
  senderNotEnrolled: EkoBody;
  verifySender: EkoBody;
  aadhaarPending: EkoBody;
  panRequired: EkoBody;
  recipients: EkoBody;
  addRecipient: EkoBody;
  addRecipientBank: EkoBody;
  initiateTransaction: EkoBody;
  inquiry: EkoBody;
  refundOtp: EkoBody;
  refund: EkoBody;
  /** Enrolment and KYC: Onboard Sender, Validate Aadhaar and its OTP, Validate PAN. */
  onboardSender: EkoBody;
  aadhaarOtp: EkoBody;
  walletTokenRefused: EkoBody;
  aadhaarVerified: EkoBody;
  aadhaarWrongOtp: EkoBody;
  validatePan: EkoBody;
};

/** Reads every shape the simulator needs once; a missing one stops the simulator at start, not mid-test. */
export function loadEkoShapes(): EkoShapes {
  const fixtures = loadFixtures();
  const otp = fixtures.find((f) => f.slug === "ppi-levin-send-transaction-otp");
  const success = (slug: string) => asBody(fixtures.find((f) => f.slug === slug)?.successResponse, `${slug} success`);
  return {
    sendOtpSuccess: asBody(otp?.successResponse, "ppi-levin-send-transaction-otp success"),
    monthlyLimitExhausted: errorExample(fixtures, "dmt-send-otp", (x) => x.status === 945, "status 945"),
    agentNotOnboarded: errorExample(fixtures, "aeps-fingpay-send-otp-kyc", (x) => x.status === 346, "status 346"),
    customerNotFound: errorExample(fixtures, "dmt-send-otp", (x) => x.status === 463, "status 463"),
    invalidInitiator: errorExample(fixtures, "bbps-get-operators", (x) => x.status === 319, "status 319"),
    forbidden: errorExample(fixtures, "verify-gstin", (_x, e) => e.statusCode === 403, "HTTP 403"),
    getSender: success("ppi-levin-get-sender"),
    senderNotEnrolled: errorExample(fixtures, "ppi-levin-get-sender", (x) => x.status === 308, "status 308"),
    verifySender: success("ppi-levin-verify-otp"),
    aadhaarPending: errorExample(fixtures, "ppi-levin-verify-otp", (x) => x.response_type_id === 2136, "2136"),
    panRequired: errorExample(fixtures, "ppi-levin-verify-otp", (x) => x.response_type_id === 2147, "2147"),
    recipients: success("ppi-levin-get-recipients"),
    addRecipient: success("ppi-levin-add-recipient"),
    addRecipientBank: success("ppi-levin-add-recipient-bank"),
    initiateTransaction: success("ppi-levin-initiate-transaction"),
    inquiry: success("transaction-inquiry"),
    refundOtp: success("get-refund-otp"),
    refund: success("initiate-refund"),
    onboardSender: success("ppi-levin-onboard-sender"),
    aadhaarOtp: success("aadhaar-ppi-levin-validate"),
    walletTokenRefused: errorExample(fixtures, "aadhaar-ppi-levin-validate", (x) => x.response_status_id === 463, "463"),
    aadhaarVerified: success("aadhaar-ppi-levin-verify-otp"),
    aadhaarWrongOtp: errorExample(fixtures, "aadhaar-ppi-levin-verify-otp", (x) => x.response_status_id === 302, "302"),
    validatePan: success("ppi-levin-validate-pan"),
  };
}
