"use client";

import { useState, useTransition, type FormEvent } from "react";
import { signInAction } from "@/app/(auth)/actions";
import { useI18n } from "@/components/locale-provider";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { MessageKey } from "@/lib/i18n/translate";

export function SignInForm({ returnTo }: { returnTo?: string }) {
  const { t } = useI18n();
  const [error, setError] = useState<MessageKey | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setError(null);
    startTransition(async () => {
      // On success the action redirects; only a refusal comes back.
      const result = await signInAction({ username: data.get("username"), password: data.get("password") }, returnTo);
      if (result && !result.ok) setError(result.error);
    });
  }

  return (
    <form onSubmit={submit} className="mt-5 space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-busy={pending}>
      <TextField
        id="username"
        name="username"
        label={t("login.username")}
        autoComplete="username"
        autoCapitalize="none"
        enterKeyHint="next"
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
      {error ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {t(error)}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("login.submitting") : t("login.submit")}
      </Button>
    </form>
  );
}
