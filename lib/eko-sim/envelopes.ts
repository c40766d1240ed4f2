import type { EkoBody } from "./fixtures";

/** A refusal in Eko's envelope. Eko publishes no sample for these; the codes are eko-api.md's. */
export const refusal = (status: number, message: string, responseTypeId = status): EkoBody => ({
  status,
  response_status_id: 1,
  response_type_id: responseTypeId,
  message,
});

/** One of Eko's published answers with some of its `data` replaced; the shape itself is never changed. */
export const withData = (shape: EkoBody, data: EkoBody): EkoBody => ({
  ...structuredClone(shape),
  data: { ...(structuredClone(shape.data) as EkoBody), ...data },
});
