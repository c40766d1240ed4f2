"use client";

import { useState, useTransition, type FormEvent } from "react";
import { addUserAction, changeUserAction } from "@/app/(desk)/admin/actions";
import { useI18n } from "@/components/locale-provider";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { translateText, type Translate } from "@/lib/i18n/translate";
import type { UserSummary } from "@/lib/users/service";

type Outcome = Awaited<ReturnType<typeof addUserAction>>;

function messageOf(result: Outcome, t: Translate): { ok: boolean; text: string } {
  if (result.status === "ok") return { ok: true, text: result.message };
  if (result.status === "error") return { ok: false, text: result.message };
  if (result.status === "refused") return { ok: false, text: t(`users.refused.${result.reason}`) };
  const first = result.formError ?? Object.values(result.fieldErrors)[0];
  return { ok: false, text: first ? translateText(t, first) : t("users.checkDetails") };
}

function Feedback({ message }: { message: { ok: boolean; text: string } | null }) {
  if (!message) return null;
  return (
    <p role={message.ok ? "status" : "alert"} className={`mt-2 text-sm ${message.ok ? "text-emerald-800" : "text-red-800"}`}>
      {message.text}
    </p>
  );
}

function useAdminAction() {
  const { t } = useI18n();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (work: () => Promise<Outcome>, onOk?: () => void) =>
    startTransition(async () => {
      const result = await work();
      setMessage(messageOf(result, t));
      if (result.status === "ok") onOk?.();
    });
  return { message, pending, run };
}

/** The value stays the role's name; the words are the reader's. */
function RoleOptions({ t }: { t: Translate }) {
  return (
    <>
      <option value="agent">{t("role.agent")}</option>
      <option value="supervisor">{t("role.supervisor")}</option>
      <option value="admin">{t("role.admin")}</option>
    </>
  );
}

const select = "mt-1 block min-h-11 w-full rounded-md border border-slate-300 bg-white px-3 text-base";

export function AddUserForm() {
  const { t } = useI18n();
  const { message, pending, run } = useAdminAction();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = Object.fromEntries(new FormData(form));
    run(
      () => addUserAction(data),
      () => form.reset(),
    );
  }
  return (
    <form onSubmit={submit} aria-label={t("users.add")} className="mt-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-5">
      <TextField id="new-username" name="username" label={t("users.username")} autoComplete="off" autoCapitalize="none" />
      <TextField
        id="new-password"
        name="password"
        label={t("users.password")}
        type="password"
        autoComplete="new-password"
        hint={t("users.passwordHint")}
      />
      <label className="text-sm font-medium">
        {t("users.role")}
        <select name="role" defaultValue="agent" className={select}>
          <RoleOptions t={t} />
        </select>
      </label>
      <TextField id="new-user-code" name="userCode" label={t("users.userCode")} inputMode="numeric" hint={t("users.userCodeHint")} />
      <div className="flex items-start pt-6">
        <Button type="submit" disabled={pending}>
          {t("users.addButton")}
        </Button>
      </div>
      <div className="sm:col-span-5">
        <Feedback message={message} />
      </div>
    </form>
  );
}

export function UserRowActions({ user, isSelf }: { user: UserSummary; isSelf: boolean }) {
  const { t } = useI18n();
  const { message, pending, run } = useAdminAction();
  const change = (payload: Record<string, string>) => run(() => changeUserAction({ username: user.username, ...payload }));
  function onForm(op: string) {
    return (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const data = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
      change({ op, ...data });
    };
  }
  return (
    <div className="flex min-w-[28rem] flex-wrap items-end gap-2">
      {!isSelf ? (
        <Button type="button" variant="secondary" disabled={pending} onClick={() => change({ op: user.disabled ? "enable" : "disable" })}>
          {t(user.disabled ? "users.enable" : "users.disable", { username: user.username })}
        </Button>
      ) : null}
      <form onSubmit={onForm("reset-password")} className="flex items-end gap-1">
        <input
          name="password"
          type="password"
          aria-label={t("users.newPasswordFor", { username: user.username })}
          placeholder={t("users.newPassword")}
          autoComplete="new-password"
          className={`${select} w-40`}
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("users.reset")}
        </Button>
      </form>
      <form onSubmit={onForm("set-role")} className="flex items-end gap-1">
        <select name="role" defaultValue={user.role} aria-label={t("users.roleOf", { username: user.username })} className={`${select} w-32`}>
          <RoleOptions t={t} />
        </select>
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("users.setRole")}
        </Button>
      </form>
      <form onSubmit={onForm("set-user-code")} className="flex items-end gap-1">
        <input
          name="userCode"
          inputMode="numeric"
          defaultValue={user.userCode ?? ""}
          aria-label={t("users.userCodeOf", { username: user.username })}
          className={`${select} w-32`}
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("users.setCode")}
        </Button>
      </form>
      <div className="w-full">
        <Feedback message={message} />
      </div>
    </div>
  );
}
