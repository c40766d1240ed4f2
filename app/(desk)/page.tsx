import type { Metadata } from "next";
import { TransferForm } from "@/components/transfer-form";
import { getDeskSettings } from "@/lib/eko/config";

export const metadata: Metadata = { title: "Send transaction OTP" };

export default function TransferPage() {
  const { minAmount, maxAmount } = getDeskSettings();
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-xl font-semibold">Send transaction OTP</h1>
      <p className="mt-1 text-sm text-slate-600">
        Enter the transfer details. Eko texts the customer an OTP for the transfer.
      </p>
      <TransferForm bounds={{ minAmount, maxAmount }} />
    </div>
  );
}
