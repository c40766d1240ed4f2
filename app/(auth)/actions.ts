"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { clientAddress, trustedProxyHops } from "@/lib/auth/client-address";
import { publicAction, publicFormAction } from "@/lib/auth/guard";
import { homeFor } from "@/lib/auth/home";
import { signIn, signInSchema, signOut } from "@/lib/auth/sign-in";
import { setLocaleCookie } from "@/lib/i18n/server";
import type { MessageKey } from "@/lib/i18n/translate";
import { safeReturnPath } from "@/lib/security/login-redirect";

/** What the sign-in form shows after a refusal: the message, and the username typed (never the password). */
export type SignInFormState = { error: MessageKey | null; username: string };

/**
 * Sign-in is open to anyone: it parses its input and is throttled per username and address. It takes the form
 * itself, so a browser that submits before (or without) the page's script posts here, never to a URL.
 */
const postedSignIn = z.object({ username: z.string().max(256).catch(""), password: z.string().max(1024).catch(""), next: z.string().max(4096).optional() });

export const signInAction = publicFormAction("signIn", postedSignIn, async (posted): Promise<SignInFormState> => {
  const username = posted.username.slice(0, 64);
  const parsed = signInSchema.safeParse(posted);
  if (!parsed.success) return { error: "login.error.missing", username };
  const requestHeaders = await headers();
  const result = await signIn(parsed.data, { headers: requestHeaders, ipAddress: clientAddress(requestHeaders, trustedProxyHops()) });
  if (!result.ok) return { error: result.error, username };
  // The language kept on the account wins over this phone's, so an agent gets theirs on any phone.
  if (result.locale) await setLocaleCookie(result.locale);
  redirect(safeReturnPath(posted.next) ?? homeFor(result.role));
});

export const signOutAction = publicAction("signOut", null, async (): Promise<void> => {
  await signOut(await headers());
  redirect("/login");
});
