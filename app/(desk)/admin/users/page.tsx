import type { Metadata } from "next";
import { AddUserForm, UserRowActions } from "@/components/admin-user-forms";
import { requirePageRole } from "@/lib/auth/guard";
import { listUsers } from "@/lib/users/service";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const admin = await requirePageRole(["admin"], "/admin/users");
  const users = await listUsers();
  return (
    <div>
      <h1 className="text-xl font-semibold">Users</h1>
      <AddUserForm />
      <div className="mt-6 overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
            <tr>
              {["Username", "Role", "Eko user_code", "Status", "Change"].map((label) => (
                <th key={label} scope="col" className="px-3 py-2 font-semibold">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {users.map((user) => (
              <tr key={user.id} data-username={user.username}>
                <td className="px-3 py-2 font-medium">{user.username}</td>
                <td className="px-3 py-2">{user.role}</td>
                <td className="px-3 py-2 font-mono">{user.userCode ?? "—"}</td>
                <td className="px-3 py-2">{user.disabled ? "Disabled" : "Active"}</td>
                <td className="px-3 py-2">
                  <UserRowActions user={user} isSelf={user.username === admin.username} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
