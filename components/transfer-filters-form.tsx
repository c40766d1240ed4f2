import { ReviewDateChoices } from "@/components/review-date-choices";
import { TRANSFER_STATES } from "@/lib/db/schema-states";
import type { Translate } from "@/lib/i18n/translate";
import type { TransferFilters } from "@/lib/transfers/review-filters";

const input = "mt-1 block min-h-11 w-full rounded-md border border-slate-300 bg-white px-3 text-base";

/** A plain GET form: the filters are bookmarkable and hold nothing personal (no mobile). The days are always filled in. */
export function TransferFiltersForm({ filters, t }: { filters: TransferFilters; t: Translate }) {
  return (
    <form
      method="get"
      className="mt-4 grid grid-cols-2 items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4 lg:grid-cols-7"
    >
      <ReviewDateChoices path="/requests/transfers" filters={filters} t={t} />
      {filters.dates ? <input type="hidden" name="dates" value={filters.dates} /> : null}
      <label className="text-sm font-medium">
        {t("transfers.filter.from")}
        <input type="date" name="from" defaultValue={filters.from} className={input} />
      </label>
      <label className="text-sm font-medium">
        {t("transfers.filter.to")}
        <input type="date" name="to" defaultValue={filters.to} className={input} />
      </label>
      <label className="text-sm font-medium">
        {t("transfers.filter.agent")}
        <input name="agent" defaultValue={filters.agent} autoComplete="off" className={input} />
      </label>
      <label className="text-sm font-medium">
        {t("transfers.filter.state")}
        <select name="state" defaultValue={filters.state ?? ""} className={input}>
          <option value="">{t("transfers.filter.any")}</option>
          {TRANSFER_STATES.map((state) => (
            <option key={state} value={state}>
              {t(`transferState.${state}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium">
        {t("transfers.filter.min")}
        <input name="min" inputMode="numeric" defaultValue={filters.min} autoComplete="off" className={input} />
      </label>
      <label className="text-sm font-medium">
        {t("transfers.filter.max")}
        <input name="max" inputMode="numeric" defaultValue={filters.max} autoComplete="off" className={input} />
      </label>
      <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800">
        {t("transfers.filter.apply")}
      </button>
    </form>
  );
}
