"use client";

import { useActionState } from "react";
import { signInAction, type SignInFormState } from "@/app/(auth)/actions";
import { useI18n } from "@/components/locale-provider";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";

const FIRST: SignInFormState = { error: null, username: "" };

/** A plain form posting to the action: it signs in the same before the script runs, and without it. */
export function SignInForm({ returnTo }: { returnTo?: string }) {
  const { t } = useI18n();
  const [answer, formAction, pending] = useActionState(signInAction, FIRST);
  // The action reads any form it is sent; a body it cannot read at all is a missing username or password.
  const state: SignInFormState = "error" in answer ? answer : { error: "login.error.missing", username: answer.values?.username ?? "" };

  return (
    <form action={formAction} className="mt-5 space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-busy={pending}>
      {returnTo ? <input type="hidden" name="next" value={returnTo} /> : null}
      <TextField
        id="username"
        name="username"
        label={t("login.username")}
        autoComplete="username"
        autoCapitalize="none"
        enterKeyHint="next"
        defaultValue={state.username}
        required
      />
      <TextField
        id="password"
        name="password"
        label={t("login.password")}
        type="password"
        autoComplete="current-password"
        enterKeyHint="go"
        required
      />
      {state.error ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {t(state.error)}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("login.submitting") : t("login.submit")}
      </Button>
    </form>
  );
}
