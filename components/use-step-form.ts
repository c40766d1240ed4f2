"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import { useForm, type FieldValues, type Path } from "react-hook-form";
import type * as z from "zod/mini";
import { preloadAnswers } from "@/components/lazy-alerts";
import { lazyZodResolver } from "@/components/lazy-resolver";
import { useI18n } from "@/components/locale-provider";
import { translateText } from "@/lib/i18n/translate";

type Answer = { status: string; fieldErrors?: Record<string, string | undefined>; values?: Record<string, string> } | null;

/**
 * A customer step's form: a plain `<form action>` posting to its guarded action (so it works before the script runs),
 * which react-hook-form checks first with the same zod schema the action parses with (`loadSchema` imports it, so it
 * is fetched once the form is first used; `preload` on the form's focus starts that, and fetches the answers' code).
 */
export function useStepForm<S extends z.ZodMiniObject, A extends Answer>(
  loadSchema: () => Promise<S>,
  action: (previous: A | null, form: FormData) => Promise<A>,
) {
  const { t } = useI18n();
  const [answer, formAction, pending] = useActionState(action, null);
  type Values = z.input<S> & FieldValues;
  const [{ resolver, preload: preloadSchema }] = useState(() => lazyZodResolver<Values, z.output<S>>(loadSchema));
  const preload = () => {
    preloadSchema();
    preloadAnswers();
  };
  const form = useForm<Values, unknown, z.output<S>>({ resolver });
  const echoed: Record<string, string> = answer?.status === "invalid" ? (answer.values ?? {}) : {};
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const element = event.currentTarget;
    event.preventDefault();
    void form.handleSubmit(() => startTransition(() => formAction(new FormData(element))))(event);
  };
  /** A field's own props: registered, its error (the browser's check first, else the server's) in the agent's words. */
  const field = (name: Path<Values> & string) => {
    const message = (form.formState.errors[name]?.message as string | undefined) ?? answer?.fieldErrors?.[name];
    return {
      id: `enrol-${name}`,
      ...form.register(name),
      defaultValue: echoed[name] ?? "",
      readOnly: pending,
      error: message ? translateText(t, message) : undefined,
    };
  };
  return { answer, pending, form, onSubmit, formAction, preload, field };
}
