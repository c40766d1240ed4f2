import type { ReactNode } from "react";
import { DeskDocument, deskMetadata, deskViewport } from "@/app/desk-document";

export const metadata = deskMetadata;
export const viewport = deskViewport;

/** A root layout: sign-in and the pages for addresses nobody serves, outside the signed-in shell. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return <DeskDocument>{children}</DeskDocument>;
}
