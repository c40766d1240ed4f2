/** Pages whose server actions answer with a few hundred bytes of data: the counter's, where Send OTP is posted. */
const SMALL_ANSWER_PAGES: ReadonlySet<string> = new Set(["/", "/enter-ids"]);
const CUSTOMER_PAGE = /^\/customers\/[A-Za-z0-9_-]{22}$/;

/**
 * Whether a request is a server action whose answer is too small to gain from gzip: those of the counter's pages
 * (Send OTP, the recent recipients, the language switch). Next streams an action's answer in several writes, so its gzip
 * middleware never learns the length and its 1 kB threshold never applies: every Send OTP would set up a deflate
 * stream on the server and an inflate stream on the phone to save about a hundred bytes. Measured with `npm run bench`
 * at 32 at a time, that setup was a fifth of the OTP path's CPU. The proxy drops such a request's Accept-Encoding,
 * which is what the middleware reads. Pages, assets and the other pages' actions keep gzip.
 *
 * The price: signing out from this page answers with the login page's payload, about 26 kB plain where it would be
 * 9.5 kB gzipped, once per shift. The request does not tell sign-out apart from the others (both post JSON).
 */
export function answersUncompressed(method: string, pathname: string, headers: Pick<Headers, "has">): boolean {
  return method === "POST" && headers.has("next-action") && (SMALL_ANSWER_PAGES.has(pathname) || CUSTOMER_PAGE.test(pathname));
}
