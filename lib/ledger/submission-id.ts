const SUBMISSION_ID = /^[A-Za-z0-9-]{8,64}$/;

/**
 * The id a form generates when it is rendered (a UUID): 8 to 64 letters, digits and hyphens. Every arrival of one
 * submission is one request, whether it sends an OTP or moves money.
 */
export function isSubmissionId(value: string): boolean {
  return SUBMISSION_ID.test(value);
}
