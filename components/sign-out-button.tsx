import { signOutAction } from "@/app/(auth)/actions";

export function SignOutButton({ label }: { label: string }) {
  return (
    <form action={signOutAction}>
      <button type="submit" className="min-h-11 rounded px-3 text-sm font-medium text-slate-700 hover:bg-slate-100">
        {label}
      </button>
    </form>
  );
}
