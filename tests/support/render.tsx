import { createRemixStub } from "@remix-run/testing";
import { cleanup, render } from "@testing-library/react";
import axe from "axe-core";
import { createInstance } from "i18next";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { afterEach } from "vitest";
import type { LanguageCode } from "~/i18n";
import { localeFormatter, sharedI18nOptions } from "~/utils/i18n-format";
import { resourcesFor } from "~/web/i18n.server";

afterEach(cleanup);

/** Render a component inside a Remix route (with root loader data) and the English translations. */
export function renderInRoute(ui: React.ReactNode, lng: LanguageCode = "en-GB") {
  const i18n = createInstance();
  void i18n
    .use(initReactI18next)
    .use(localeFormatter)
    .init({ ...sharedI18nOptions, lng, resources: { [lng]: resourcesFor(lng) } });
  const Stub = createRemixStub([
    {
      id: "root",
      path: "/",
      Component: () => <>{ui}</>,
      loader: () => ({ csrf: "test-token" }),
    },
  ]);
  return render(
    <I18nextProvider i18n={i18n}>
      <Stub />
    </I18nextProvider>,
  );
}

/** axe-core in jsdom: colour contrast needs real layout, so the browser tests check that instead. */
export async function axeViolations(container: Element): Promise<string[]> {
  const results = await axe.run(container, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
    rules: { "color-contrast": { enabled: false } },
  });
  return results.violations.map((v) => `${v.id}: ${v.help}`);
}
