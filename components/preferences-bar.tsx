import { LanguageSwitch } from "@/components/language-switch";
import { ThemeToggle } from "@/components/theme-toggle";

/** Language and dark mode, on every page: the desk header, the sign-in page and the error pages. */
export function PreferencesBar({ className = "" }: { className?: string }) {
  return (
    <div className={`flex items-center gap-1 ${className}`}>
      <LanguageSwitch />
      <ThemeToggle />
    </div>
  );
}
