import type { Metadata } from "next";
import { AddUserForm, UserRowActions } from "@/components/admin-user-forms";
import { DataTable } from "@/components/ui/data-table";
import { requirePagePermission } from "@/lib/auth/guard";
import { getTranslator } from "@/lib/i18n/server";
import { listUsers } from "@/lib/users/service";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("users.meta") };
}

export default async function UsersPage() {
  const admin = await requirePagePermission("manage-users", "/admin/users");
  const users = await listUsers();
  const { t } = await getTranslator();
  const columns = [
    t("users.col.username"),
    t("users.col.role"),
    t("users.col.userCode"),
    t("users.col.shop"),
    t("users.col.status"),
    t("users.col.change"),
  ];
  return (
    <div>
      <h1 className="text-xl font-semibold">{t("users.title")}</h1>
      <AddUserForm />
      <DataTable columns={columns} caption={t("users.caption")} className="mt-6">
        {users.map((user) => (
          <tr key={user.id} data-username={user.username}>
            <td className="px-3 py-2 font-medium">{user.username}</td>
            <td className="px-3 py-2">{t(`role.${user.role}`)}</td>
            <td className="px-3 py-2 font-mono">{user.userCode ?? "—"}</td>
            <td className="px-3 py-2 font-mono">{user.shopLatlong ?? "—"}</td>
            <td className="px-3 py-2">{user.disabled ? t("users.disabled") : t("users.active")}</td>
            <td className="px-3 py-2">
              <UserRowActions user={user} isSelf={user.username === admin.username} />
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
