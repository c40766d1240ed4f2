"use client";

import { useActionState } from "react";
import { addUserAction, changeUserAction } from "@/app/(desk)/admin/actions";
import { useI18n } from "@/components/locale-provider";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { translateText, type Translate } from "@/lib/i18n/translate";
import type { UserSummary } from "@/lib/users/service";

type Outcome = Awaited<ReturnType<typeof addUserAction>> | Awaited<ReturnType<typeof changeUserAction>>;

function messageOf(result: Outcome, t: Translate): { ok: boolean; text: string } {
  if (result.status === "ok") return { ok: true, text: result.message };
  if (result.status === "error") return { ok: false, text: result.message };
  if (result.status === "refused") return { ok: false, text: t(`users.refused.${result.reason}`) };
  const first = result.formError ?? Object.values(result.fieldErrors)[0];
  return { ok: false, text: first ? translateText(t, first) : t("users.checkDetails") };
}

function Feedback({ result }: { result: Outcome | null }) {
  const { t } = useI18n();
  if (!result) return null;
  const message = messageOf(result, t);
  return (
    <p role={message.ok ? "status" : "alert"} className={`mt-2 text-sm ${message.ok ? "text-emerald-800" : "text-red-800"}`}>
      {message.text}
    </p>
  );
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

// Each form posts to its action itself (before and without the page's script too): a new password never reaches a URL.
export function AddUserForm() {
  const { t } = useI18n();
  const [result, formAction, pending] = useActionState(addUserAction, null);
  const typed = result && "values" in result ? (result.values ?? {}) : {};
  return (
    <form
      action={formAction}
      aria-label={t("users.add")}
      className="mt-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6"
    >
      <TextField
        id="new-username"
        name="username"
        label={t("users.username")}
        autoComplete="off"
        autoCapitalize="none"
        defaultValue={typed.username ?? ""}
      />
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
        <select name="role" defaultValue={typed.role ?? "agent"} className={select}>
          <RoleOptions t={t} />
        </select>
      </label>
      <TextField
        id="new-user-code"
        name="userCode"
        label={t("users.userCode")}
        inputMode="numeric"
        hint={t("users.userCodeHint")}
        defaultValue={typed.userCode ?? ""}
      />
      <TextField
        id="new-shop-latlong"
        name="shopLatlong"
        label={t("users.shopLatlong")}
        autoComplete="off"
        hint={t("users.shopLatlongHint")}
        defaultValue={typed.shopLatlong ?? ""}
      />
      <div className="flex items-start pt-6">
        <Button type="submit" disabled={pending}>
          {t("users.addButton")}
        </Button>
      </div>
      <div className="sm:col-span-3 lg:col-span-6">
        <Feedback result={result} />
      </div>
    </form>
  );
}

export function UserRowActions({ user, isSelf }: { user: UserSummary; isSelf: boolean }) {
  const { t } = useI18n();
  const [result, formAction, pending] = useActionState(changeUserAction, null);
  const target = (op: string) => (
    <>
      <input type="hidden" name="op" value={op} />
      <input type="hidden" name="username" value={user.username} />
    </>
  );
  return (
    <div className="flex min-w-[28rem] flex-wrap items-end gap-2">
      {!isSelf ? (
        <form action={formAction}>
          {target(user.disabled ? "enable" : "disable")}
          <Button type="submit" variant="secondary" disabled={pending}>
            {t(user.disabled ? "users.enable" : "users.disable", { username: user.username })}
          </Button>
        </form>
      ) : null}
      <form action={formAction} className="flex items-end gap-1">
        {target("reset-password")}
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
      <form action={formAction} className="flex items-end gap-1">
        {target("set-role")}
        <select name="role" defaultValue={user.role} aria-label={t("users.roleOf", { username: user.username })} className={`${select} w-32`}>
          <RoleOptions t={t} />
        </select>
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("users.setRole")}
        </Button>
      </form>
      <form action={formAction} className="flex items-end gap-1">
        {target("set-user-code")}
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
      {user.role === "agent" ? (
        <form action={formAction} className="flex items-end gap-1">
          {target("set-shop")}
          <input
            name="shopLatlong"
            defaultValue={user.shopLatlong ?? ""}
            placeholder="lat,long"
            autoComplete="off"
            aria-label={t("users.shopLatlongOf", { username: user.username })}
            className={`${select} w-44 font-mono`}
          />
          <Button type="submit" variant="secondary" disabled={pending}>
            {t("users.setShop")}
          </Button>
        </form>
      ) : null}
      <div className="w-full">
        <Feedback result={result} />
      </div>
    </div>
  );
}
