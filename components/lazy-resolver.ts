import type { FieldValues, Resolver } from "react-hook-form";
import type * as z from "zod/mini";

/**
 * A react-hook-form resolver that is zodResolver over the form's one schema, both fetched when first needed (or on
 * `preload`, when the form is first focused) so the first paint ships neither. A check or submit made before they
 * arrive waits for them; the action parses with the same schema whatever the browser did.
 */
export function lazyZodResolver<Values extends FieldValues, Output>(loadSchema: () => Promise<z.ZodMiniType>) {
  let ready: Promise<Resolver<Values, unknown, Output>> | undefined;
  const load = () =>
    (ready ??= Promise.all([import("@hookform/resolvers/zod"), loadSchema()]).then(
      ([{ zodResolver }, schema]) => zodResolver(schema as never) as unknown as Resolver<Values, unknown, Output>,
      (error: unknown) => {
        // A failed download (the network dropped) is tried again on the next check.
        ready = undefined;
        throw error;
      },
    ));
  const resolver: Resolver<Values, unknown, Output> = async (values, context, options) => (await load())(values, context, options);
  return { resolver, preload: () => void load().catch(() => undefined) };
}
