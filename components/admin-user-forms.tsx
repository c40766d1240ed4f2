"use client";

import { useState, useTransition, type FormEvent } from "react";
import { addUserAction, changeUserAction } from "@/app/(desk)/admin/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { UserSummary } from "@/lib/users/service";

type Outcome = Awaited<ReturnType<typeof addUserAction>>;

function messageOf(result: Outcome): { ok: boolean; text: string } {
  if (result.status === "ok") return { ok: true, text: result.message };
  if (result.status === "error") return { ok: false, text: result.message };
  if (result.status === "refused") return { ok: false, text: result.reason === "signed-out" ? "Your session has ended: sign in again." : "Only admins may manage users." };
  return { ok: false, text: result.formError ?? Object.values(result.fieldErrors)[0] ?? "Check the details." };
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
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (work: () => Promise<Outcome>, onOk?: () => void) =>
    startTransition(async () => {
      const result = await work();
      setMessage(messageOf(result));
      if (result.status === "ok") onOk?.();
    });
  return { message, pending, run };
}

const select = "mt-1 block min-h-11 w-full rounded-md border border-slate-300 bg-white px-3 text-base";

export function AddUserForm() {
  const { message, pending, run } = useAdminAction();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = Object.fromEntries(new FormData(form));
    run(() => addUserAction(data), () => form.reset());
  }
  return (
    <form onSubmit={submit} aria-label="Add a user" className="mt-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-5">
      <TextField id="new-username" name="username" label="Username" autoComplete="off" autoCapitalize="none" />
      <TextField id="new-password" name="password" label="Password" type="password" autoComplete="new-password" hint="At least 12 characters." />
      <label className="text-sm font-medium">
        Role
        <select name="role" defaultValue="agent" className={select}>
          <option value="agent">agent</option>
          <option value="supervisor">supervisor</option>
          <option value="admin">admin</option>
        </select>
      </label>
      <TextField id="new-user-code" name="userCode" label="Eko user_code" inputMode="numeric" hint="Required for agents." />
      <div className="flex items-start pt-6">
        <Button type="submit" disabled={pending}>
          Add user
        </Button>
      </div>
      <div className="sm:col-span-5">
        <Feedback message={message} />
      </div>
    </form>
  );
}

export function UserRowActions({ user, isSelf }: { user: UserSummary; isSelf: boolean }) {
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
          {user.disabled ? `Enable ${user.username}` : `Disable ${user.username}`}
        </Button>
      ) : null}
      <form onSubmit={onForm("reset-password")} className="flex items-end gap-1">
        <input name="password" type="password" aria-label={`New password for ${user.username}`} placeholder="New password" autoComplete="new-password" className={`${select} w-40`} />
        <Button type="submit" variant="secondary" disabled={pending}>
          Reset
        </Button>
      </form>
      <form onSubmit={onForm("set-role")} className="flex items-end gap-1">
        <select name="role" defaultValue={user.role} aria-label={`Role of ${user.username}`} className={`${select} w-32`}>
          <option value="agent">agent</option>
          <option value="supervisor">supervisor</option>
          <option value="admin">admin</option>
        </select>
        <Button type="submit" variant="secondary" disabled={pending}>
          Set role
        </Button>
      </form>
      <form onSubmit={onForm("set-user-code")} className="flex items-end gap-1">
        <input name="userCode" inputMode="numeric" defaultValue={user.userCode ?? ""} aria-label={`Eko user_code of ${user.username}`} className={`${select} w-32`} />
        <Button type="submit" variant="secondary" disabled={pending}>
          Set code
        </Button>
      </form>
      <div className="w-full">
        <Feedback message={message} />
      </div>
    </div>
  );
}
