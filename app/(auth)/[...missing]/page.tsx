import { notFound } from "next/navigation";

// With a root layout per group there is no app-wide not-found: an address no route serves lands here, under the
// sign-in layout, and gets the desk's 404 page (per request, for the CSP nonce).
export default function Missing() {
  notFound();
}
