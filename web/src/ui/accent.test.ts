import { afterEach, describe, expect, it } from "vitest";
import { accentPalette, applyAccentColor, contrastWithWhite } from "./accent";

afterEach(() => applyAccentColor(null));

describe("accentPalette", () => {
  it("keeps a dark accent as the 600 shade and mixes the others from it", () => {
    expect(accentPalette("#0f766e")).toEqual({
      "50": "#eef5f5",
      "100": "#dbeae9",
      "500": "#338b84",
      "600": "#0f766e",
      "700": "#0d645e",
    });
  });

  it("darkens a light accent until white text on it and it as text on white read at AA (4.5:1)", () => {
    const palette = accentPalette("#facc15");
    expect(palette).not.toBeNull();
    expect(contrastWithWhite("#facc15")).toBeLessThan(2);
    expect(contrastWithWhite(palette?.["600"] ?? "")).toBeGreaterThanOrEqual(4.5);
    expect(contrastWithWhite(palette?.["700"] ?? "")).toBeGreaterThanOrEqual(4.5);
    expect(palette?.["600"]).not.toBe("#facc15");
    expect(palette?.["700"]).not.toBe(palette?.["600"]);
  });

  it("refuses what is not #rrggbb", () => {
    expect(accentPalette("teal")).toBeNull();
    expect(accentPalette("#0f766")).toBeNull();
    expect(accentPalette("#0f766e; color: red")).toBeNull();
  });
});

describe("applyAccentColor", () => {
  it("sets the brand variables the utilities read on the root element, and null puts the theme back", () => {
    const root = document.documentElement;
    applyAccentColor("#0f766e");
    expect(root.style.getPropertyValue("--color-brand-600")).toBe("#0f766e");
    expect(root.style.getPropertyValue("--color-brand-50")).toBe("#eef5f5");
    applyAccentColor(null);
    expect(root.style.getPropertyValue("--color-brand-600")).toBe("");
  });

  it("ignores a malformed colour rather than writing it into the page's style", () => {
    applyAccentColor("red; background: url(https://evil.test)");
    expect(document.documentElement.getAttribute("style") ?? "").toBe("");
  });
});
