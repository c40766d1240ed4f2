"use server";

import { redirect } from "next/navigation";
import { signIn, signInSchema, signOut, type SignInResult } from "@/lib/auth/sign-in";
import { homeFor, safeReturnPath } from "@/lib/auth/home";

export type SignInActionResult = SignInResult | { ok: false; error: string; fieldErrors?: Record<string, string> };

/** Sign-in is the one action open to anyone: it parses its input and is throttled per username and address. */
export async function signInAction(raw: unknown, returnTo?: string): Promise<SignInActionResult> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: "Enter your username and password." };
  const result = await signIn(parsed.data);
  if (!result.ok) return result;
  redirect(safeReturnPath(returnTo) ?? homeFor(result.role));
}

export async function signOutAction(): Promise<void> {
  await signOut();
  redirect("/login");
}
