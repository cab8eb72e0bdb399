import { describe, expect, it } from "vitest";
import { loader as rootLoader } from "~/root";
import { getDatabaseHandle, setDatabase } from "~/utils/db.server";
import { loader } from "./urgent-help";

describe("/urgent-help", () => {
  it("needs no database and no sign-in, even when the root loader runs", async () => {
    setDatabase(undefined);
    expect(getDatabaseHandle()).toBeUndefined();
    const request = new Request("http://localhost/urgent-help", { headers: { Cookie: "__session=whatever" } });
    // Signed out: no session cookie, so the database is never asked.
    const signedOut = await loader({ request: new Request("http://localhost/urgent-help"), params: {}, context: {} });
    expect(await signedOut.json()).toMatchObject({ crisisLine: { number: expect.any(String) }, ownCrisisPlan: null });
    // A session cookie while the database is down: the page still renders, without the crisis plan link.
    const page = await loader({ request, params: {}, context: {} });
    expect(await page.json()).toMatchObject({ crisisLine: { number: expect.any(String) }, ownCrisisPlan: null });
    const root = await rootLoader({ request, params: {}, context: {} });
    const data = await root.json();
    expect(data.user).toBeNull();
    expect(data.lng).toBe("en-GB");
  });

  it("other pages still render the shell when the database is down", async () => {
    setDatabase(undefined);
    const root = await rootLoader({ request: new Request("http://localhost/privacy"), params: {}, context: {} });
    expect((await root.json()).user).toBeNull();
  });
});
