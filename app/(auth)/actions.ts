"use server";

import { redirect } from "next/navigation";
import { signIn, signInSchema, signOut, type SignInResult } from "@/lib/auth/sign-in";
import { homeFor, safeReturnPath } from "@/lib/auth/home";
import { setLocaleCookie } from "@/lib/i18n/server";

export type SignInActionResult = SignInResult;

/** Sign-in is the one action open to anyone: it parses its input and is throttled per username and address. */
export async function signInAction(raw: unknown, returnTo?: string): Promise<SignInActionResult> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: "login.error.missing" };
  const result = await signIn(parsed.data);
  if (!result.ok) return result;
  // The language kept on the account wins over this phone's, so an agent gets theirs on any phone.
  if (result.locale) await setLocaleCookie(result.locale);
  redirect(safeReturnPath(returnTo) ?? homeFor(result.role));
}

export async function signOutAction(): Promise<void> {
  await signOut();
  redirect("/login");
}
