import { describe, expect, it } from "vitest";
import { answersUncompressed } from "./action-compression";

const GZIP = { "accept-encoding": "gzip, deflate, br" };
const action = new Headers({ ...GZIP, "next-action": "7f3a", "content-type": "text/plain;charset=UTF-8" });
const plain = new Headers(GZIP);

describe("answersUncompressed", () => {
  it("takes the counter pages' server actions", () => {
    expect(answersUncompressed("POST", "/", action)).toBe(true);
    expect(answersUncompressed("POST", "/enter-ids", action)).toBe(true);
    expect(answersUncompressed("POST", "/customers/AbCdEfGhIjKlMnOpQrStUv", action)).toBe(true);
  });

  it("leaves pages, other pages' actions and plain posts to gzip", () => {
    expect(answersUncompressed("GET", "/", plain)).toBe(false);
    expect(answersUncompressed("GET", "/", action)).toBe(false);
    expect(answersUncompressed("POST", "/", plain)).toBe(false);
    // Sign-in and the admin's changes answer with a page's payload.
    expect(answersUncompressed("POST", "/login", action)).toBe(false);
    expect(answersUncompressed("POST", "/admin/users", action)).toBe(false);
    expect(answersUncompressed("POST", "/requests", action)).toBe(false);
    expect(answersUncompressed("POST", "/requests/", action)).toBe(false);
    expect(answersUncompressed("POST", "/customers/AbCdEfGhIjKlMnOpQrStUv/add-recipient", action)).toBe(false);
  });
});
