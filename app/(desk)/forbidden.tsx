import { ForbiddenPage } from "@/components/forbidden-page";

// forbidden() from the guard: a signed-in role that may not see a page gets a real 403, inside its own shell.
export default function Forbidden() {
  return <ForbiddenPage inShell />;
}
