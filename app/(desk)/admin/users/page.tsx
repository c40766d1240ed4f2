import type { Metadata } from "next";
import { AddUserForm, UserRowActions } from "@/components/admin-user-forms";
import { requirePageRole } from "@/lib/auth/guard";
import { listUsers } from "@/lib/users/service";
import { DataTable } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const admin = await requirePageRole(["admin"], "/admin/users");
  const users = await listUsers();
  return (
    <div>
      <h1 className="text-xl font-semibold">Users</h1>
      <AddUserForm />
      <DataTable columns={["Username", "Role", "Eko user_code", "Status", "Change"]} caption="Users" className="mt-6">
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
      </DataTable>
    </div>
  );
}
