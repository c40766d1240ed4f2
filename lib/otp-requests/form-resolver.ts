import type { FieldErrors, Resolver } from "react-hook-form";
import { readOtpRequest, type AmountBounds, type OtpRequestFormValues, type OtpRequestInput } from "./fields";

/**
 * react-hook-form's check of the OTP form in the browser: the same field readers as the server's zod schema, without
 * shipping zod. Each error's message is a dictionary key; the form translates it.
 */
export function otpRequestResolver(bounds: AmountBounds): Resolver<OtpRequestFormValues, unknown, OtpRequestInput> {
  return async (values) => {
    const result = readOtpRequest(values, bounds);
    if (result.ok) return { values: result.value, errors: {} };
    const errors: FieldErrors<OtpRequestFormValues> = {};
    for (const [name, message] of Object.entries(result.errors)) errors[name as keyof OtpRequestFormValues] = { type: "validate", message };
    return { values: {}, errors };
  };
}
