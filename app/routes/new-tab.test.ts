import { describe, expect, it } from "vitest";
import { loader } from "./new-tab";

describe("/new-tab, the neutral page", () => {
  it("is a plain page in the person's language with nothing of the portal: no name, no scripts, no stylesheet", async () => {
    const response = await loader({ request: new Request("http://localhost/new-tab?lng=ar"), params: {}, context: { cspNonce: "n0nce" } });
    const html = await response.text();
    expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(html).toMatch(/^<!DOCTYPE html><html lang="ar" dir="rtl">/);
    expect(html).toContain("<title>علامة تبويب جديدة</title>");
    expect(html).toContain('<style nonce="n0nce">');
    for (const portal of ["<script", "stylesheet", "care", "Care", "portal", "/urgent-help", "favicon.svg"]) expect(html).not.toContain(portal);
  });
});
