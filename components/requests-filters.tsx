"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useI18n } from "@/components/locale-provider";
import { ReviewDateChoices } from "@/components/review-date-choices";
import { Button } from "@/components/ui/button";
import { OTP_REQUEST_STATES } from "@/lib/db/schema-states";
import { normaliseMobile } from "@/lib/otp-requests/mobile";
import { filtersToSearchParams, URL_FILTER_NAMES, type UrlFilters } from "@/lib/otp-requests/review-filters";

const field = "mt-1 block min-h-11 w-full rounded-md border border-slate-300 bg-white px-3 text-sm";

type Props = {
  filters: UrlFilters;
  mobile?: string;
  onMobileChange: (mobile: string | undefined) => void;
  /** Where the form posts before the page's script runs; with the script, filtering happens here. */
  formAction: (form: FormData) => void;
  /** A mobile the server could not read, from a form posted without the script. */
  rejectedMobile?: string;
};

/**
 * Outcome, agent, days and amounts go into the URL; the exact mobile stays in this page's memory only. The days are
 * always filled in (today unless chosen otherwise, review-dates.ts); "all dates" rides along until a day is typed.
 */
export function RequestsFilters({ filters, mobile, onMobileChange, formAction, rejectedMobile }: Props) {
  const { t } = useI18n();
  const router = useRouter();
  const [mobileError, setMobileError] = useState(rejectedMobile !== undefined);

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const typedMobile = String(data.get("mobile") ?? "").trim();
    const normalised = typedMobile ? normaliseMobile(typedMobile) : undefined;
    if (normalised === null) {
      setMobileError(true);
      return;
    }
    setMobileError(false);
    onMobileChange(normalised);
    // The page reads the URL leniently (review-request.ts): a value that is not a filter is dropped there.
    const typed = Object.fromEntries(URL_FILTER_NAMES.map((name) => [name, String(data.get(name) ?? "").trim()]));
    const query = filtersToSearchParams(typed).toString();
    router.replace(query ? `/requests?${query}` : "/requests", { scroll: false });
  }

  function clear() {
    setMobileError(false);
    onMobileChange(undefined);
    router.replace("/requests", { scroll: false });
  }

  return (
    <form
      action={formAction}
      onSubmit={apply}
      aria-label={t("filters.label")}
      key={JSON.stringify(filters) + (mobile ?? "")}
      className="mt-4 grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4 lg:grid-cols-8"
    >
      <ReviewDateChoices path="/requests" filters={filters} t={t} />
      {filters.dates ? <input type="hidden" name="dates" value={filters.dates} /> : null}
      <label className="text-sm font-medium">
        {t("filters.outcome")}
        <select name="outcome" defaultValue={filters.outcome ?? ""} className={field}>
          <option value="">{t("filters.any")}</option>
          {OTP_REQUEST_STATES.map((state) => (
            <option key={state} value={state}>
              {t(`state.${state}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium">
        {t("filters.agent")}
        <input name="agent" defaultValue={filters.agent ?? ""} className={field} autoComplete="off" />
      </label>
      <label className="text-sm font-medium">
        {t("filters.from")}
        <input name="from" type="date" defaultValue={filters.from ?? ""} className={field} />
      </label>
      <label className="text-sm font-medium">
        {t("filters.to")}
        <input name="to" type="date" defaultValue={filters.to ?? ""} className={field} />
      </label>
      <label className="text-sm font-medium">
        {t("filters.min")}
        <input name="min" inputMode="numeric" defaultValue={filters.min ?? ""} className={field} autoComplete="off" />
      </label>
      <label className="text-sm font-medium">
        {t("filters.max")}
        <input name="max" inputMode="numeric" defaultValue={filters.max ?? ""} className={field} autoComplete="off" />
      </label>
      <div className="col-span-2 text-sm font-medium">
        <label htmlFor="filter-mobile">{t("filters.mobile")}</label>
        <input
          id="filter-mobile"
          name="mobile"
          type="tel"
          defaultValue={mobile ?? rejectedMobile ?? ""}
          className={field}
          autoComplete="off"
          aria-invalid={mobileError ? true : undefined}
          aria-describedby="filter-mobile-note"
        />
        <p id="filter-mobile-note" className={`mt-1 text-xs font-normal ${mobileError ? "text-red-700" : "text-slate-500"}`}>
          {mobileError ? t("filters.mobileError") : t("filters.mobileNote")}
        </p>
      </div>
      <div className="col-span-2 flex gap-2 sm:col-span-4 lg:col-span-8">
        <Button type="submit">{t("filters.apply")}</Button>
        <Button type="button" variant="secondary" onClick={clear}>
          {t("filters.clear")}
        </Button>
      </div>
    </form>
  );
}
