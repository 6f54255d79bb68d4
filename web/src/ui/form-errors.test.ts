import { describe, expect, it } from "vitest";
import { withoutErrorsOf } from "./form-errors";

describe("withoutErrorsOf", () => {
  it("drops the errors of the changed fields and of paths inside them, and keeps the others", () => {
    const errors = {
      url: "Enter a URL",
      "rateLimits.1.limit": "Enter a number",
      rateLimitsNote: "x",
      name: "Enter a name",
    };
    expect(withoutErrorsOf(errors, ["url", "rateLimits"])).toEqual({
      rateLimitsNote: "x",
      name: "Enter a name",
    });
  });

  it("answers the same object when no changed field had an error (no re-render)", () => {
    const errors = { name: "Enter a name" };
    expect(withoutErrorsOf(errors, ["url"])).toBe(errors);
  });
});
