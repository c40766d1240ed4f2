import type { ComponentProps, ReactNode } from "react";

type TextFieldProps = ComponentProps<"input"> & {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  /** More text under the field, read with it (the amount in words). */
  note?: ReactNode;
};

/** A labelled input whose error, hint and note are announced with it. */
export function TextField({ id, label, hint, error, note, className = "", ...input }: TextFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const noteId = note ? `${id}-note` : undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={[errorId, hintId, noteId].filter(Boolean).join(" ") || undefined}
        className={`mt-1 block min-h-11 w-full rounded-md border bg-white px-3 text-base tabular-nums shadow-sm read-only:bg-slate-50 ${
          error ? "border-red-500 ring-1 ring-red-500" : "border-slate-300"
        }`}
        {...input}
      />
      {error ? (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {note ? (
        <p id={noteId} className="mt-1 text-sm font-medium text-slate-700">
          {note}
        </p>
      ) : null}
    </div>
  );
}
