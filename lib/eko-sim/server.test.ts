import { createHmac, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEkoSimulator, type Simulator } from "./server";

const KEYS = { developerKey: "becbbce45f79c6f5109f848acd540567", accessKey: "d2fe1d99-6298-4af2-8cc5-d97dcf46df30", initiatorId: "9962981729" };
const OTP_PATH = "/ekoapi/v3/customer/payment/ppi-levin/otp";

/** Written apart from lib/eko/signer.ts: HMAC-SHA256 keyed by the text of base64(access_key), over the timestamp. */
function sign(accessKey: string, timestamp: string): string {
  return createHmac("sha256", Buffer.from(accessKey, "utf8").toString("base64")).update(timestamp, "utf8").digest("base64");
}

type EkoAnswer = { status: number; response_type_id?: number; data?: { otp_ref_id?: string }; invalid_params?: Record<string, string> };
type SignOptions = { developerKey?: string; secretKey?: string; timestamp?: string };

const freshRef = () => randomUUID().replace(/-/g, "").slice(0, 20).toUpperCase();
const validBody = (over: Record<string, unknown> = {}) => ({
  initiator_id: KEYS.initiatorId,
  user_code: "20810200",
  client_ref_id: freshRef(),
  recipient_id: 10017740,
  amount: 110,
  customer_id: "9444444444",
  service_code: 80,
  ...over,
});

let sim: Simulator;
let base: string;

beforeAll(async () => {
  sim = createEkoSimulator({ ...KEYS, slowMs: 2000, control: true });
  base = `http://127.0.0.1:${await sim.listen(0)}`;
});
afterAll(() => sim.close());

async function post(body: unknown, opts: SignOptions = {}): Promise<{ http: number; json: EkoAnswer }> {
  const timestamp = opts.timestamp ?? String(Date.now());
  const response = await fetch(`${base}${OTP_PATH}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      developer_key: opts.developerKey ?? KEYS.developerKey,
      "secret-key-timestamp": timestamp,
      "secret-key": opts.secretKey ?? sign(KEYS.accessKey, timestamp),
    },
    body: JSON.stringify(body),
  });
  return { http: response.status, json: (await response.json()) as EkoAnswer };
}

describe("Eko simulator: signing", () => {
  it("answers a correctly signed request with Eko's 2133 and a fresh otp_ref_id each time", async () => {
    const first = await post(validBody());
    const second = await post(validBody());
    expect(first.http).toBe(200);
    expect(first.json).toMatchObject({ status: 2133, response_type_id: 2133 });
    const refs = [first.json.data?.otp_ref_id, second.json.data?.otp_ref_id];
    for (const ref of refs) expect(ref).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(refs[0]).not.toBe(refs[1]);
  });

  it("refuses a wrong secret-key", async () => {
    const timestamp = String(Date.now());
    expect((await post(validBody(), { timestamp, secretKey: sign("some-other-key", timestamp) })).http).toBe(403);
  });

  it("refuses a wrong developer_key", async () => {
    expect((await post(validBody(), { developerKey: "0000000000000000000000000000dead" })).http).toBe(403);
  });

  it("refuses a timestamp 6 minutes old, even when correctly signed", async () => {
    expect((await post(validBody(), { timestamp: String(Date.now() - 6 * 60 * 1000) })).http).toBe(403);
  });

  it("refuses a 10-digit seconds timestamp, even when correctly signed", async () => {
    expect((await post(validBody(), { timestamp: String(Math.floor(Date.now() / 1000)) })).http).toBe(403);
  });
});

describe("Eko simulator: body and scenarios", () => {
  it("names each bad field in a 461", async () => {
    const { http, json } = await post(validBody({ recipient_id: "10017740", customer_id: "123" }));
    expect(http).toBe(200);
    expect(json.status).toBe(461);
    expect(Object.keys(json.invalid_params ?? {}).sort()).toEqual(["customer_id", "recipient_id"]);
  });

  it("answers 319 for an initiator it does not know", async () => {
    const { http, json } = await post(validBody({ initiator_id: "9000000000" }));
    expect(http).toBe(200);
    expect(json.status).toBe(319);
  });

  it("refuses a reused client_ref_id with a 461 naming it", async () => {
    const body = validBody();
    expect((await post(body)).json.status).toBe(2133);
    const again = await post(body);
    expect(again.json.status).toBe(461);
    expect(Object.keys(again.json.invalid_params ?? {})).toEqual(["client_ref_id"]);
  });

  it.each([347, 945, 463])("recipient_id %i gives Eko's status %i", async (recipient) => {
    const { http, json } = await post(validBody({ recipient_id: recipient }));
    expect(http).toBe(200);
    expect(json.status).toBe(recipient);
    expect(json.data?.otp_ref_id).toBeUndefined();
  });

  it("lists what arrived on GET /__sim/requests", async () => {
    const body = validBody({ customer_id: "7000000001" });
    await post(body);
    const response = await fetch(`${base}/__sim/requests?customer_id=7000000001`);
    expect(response.status).toBe(200);
    const list = (await response.json()) as { path: string; body: { client_ref_id?: string }; verdict: string; headers: Record<string, string> }[];
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ path: OTP_PATH, verdict: "sent", body: { client_ref_id: body.client_ref_id } });
    expect(list[0]?.headers.developer_key).toBe(KEYS.developerKey);
  });
});

describe("Eko simulator without control", () => {
  it("hides /__sim/requests", async () => {
    const quiet = createEkoSimulator({ ...KEYS, slowMs: 2000, control: false });
    const port = await quiet.listen(0);
    try {
      expect((await fetch(`http://127.0.0.1:${port}/__sim/requests`)).status).toBe(404);
    } finally {
      await quiet.close();
    }
  });
});
