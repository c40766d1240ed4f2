"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientAddress, trustedProxyHops } from "@/lib/auth/client-address";
import { homeFor } from "@/lib/auth/home";
import { signIn, signInSchema, signOut } from "@/lib/auth/sign-in";
import { setLocaleCookie } from "@/lib/i18n/server";
import type { MessageKey } from "@/lib/i18n/translate";
import { safeReturnPath } from "@/lib/security/login-redirect";

/** What the sign-in form shows after a refusal: the message, and the username typed (never the password). */
export type SignInFormState = { error: MessageKey | null; username: string };

/**
 * Sign-in is the one action open to anyone: it parses its input and is throttled per username and address. It takes
 * the form itself, so a browser that submits before (or without) the page's script posts here, never to a URL.
 */
export async function signInAction(_previous: SignInFormState, form: FormData): Promise<SignInFormState> {
  const typed = form.get("username");
  const username = typeof typed === "string" ? typed.slice(0, 64) : "";
  const parsed = signInSchema.safeParse({ username: typed, password: form.get("password") });
  if (!parsed.success) return { error: "login.error.missing", username };
  const requestHeaders = await headers();
  const result = await signIn(parsed.data, { headers: requestHeaders, ipAddress: clientAddress(requestHeaders, trustedProxyHops()) });
  if (!result.ok) return { error: result.error, username };
  // The language kept on the account wins over this phone's, so an agent gets theirs on any phone.
  if (result.locale) await setLocaleCookie(result.locale);
  const next = form.get("next");
  redirect(safeReturnPath(typeof next === "string" ? next : null) ?? homeFor(result.role));
}

export async function signOutAction(): Promise<void> {
  await signOut(await headers());
  redirect("/login");
}
