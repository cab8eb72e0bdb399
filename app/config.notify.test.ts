import { describe, expect, it } from "vitest";
import { fakeApiKey, fakeTemplates } from "../tests/support/fake-notify";
import { parseConfig } from "./config.server";

const templates = {
  NOTIFY_TEMPLATE_UPDATE_EMAIL: fakeTemplates.updateEmail,
  NOTIFY_TEMPLATE_UPDATE_SMS: fakeTemplates.updateSms,
  NOTIFY_TEMPLATE_PASSWORD_LINK_EMAIL: fakeTemplates.passwordLinkEmail,
  NOTIFY_TEMPLATE_INVITATION_EMAIL: fakeTemplates.invitationEmail,
};

describe("GOV.UK Notify settings (decision 057)", () => {
  it("is off without an API key, even with template ids", () => {
    expect(parseConfig({}).notify).toBeNull();
    expect(parseConfig(templates).notify).toBeNull();
  });

  it("takes the key and the four templates, with Notify's address unless another is given", () => {
    expect(parseConfig({ NOTIFY_API_KEY: fakeApiKey, ...templates }).notify).toEqual({
      apiKey: fakeApiKey,
      baseUrl: "https://api.notifications.service.gov.uk",
      templates: fakeTemplates,
    });
    expect(parseConfig({ NOTIFY_API_KEY: fakeApiKey, NOTIFY_BASE_URL: "http://127.0.0.1:4010/", ...templates }).notify?.baseUrl).toBe("http://127.0.0.1:4010");
  });

  it("stops with one line naming what is wrong, never the key", () => {
    expect(() => parseConfig({ NOTIFY_API_KEY: "not-a-key", ...templates })).toThrow(/^NOTIFY_API_KEY is not a GOV.UK Notify API key/);
    const { NOTIFY_TEMPLATE_UPDATE_SMS: _sms, ...three } = templates;
    expect(() => parseConfig({ NOTIFY_API_KEY: fakeApiKey, ...three })).toThrow(/^NOTIFY_TEMPLATE_UPDATE_SMS is missing/);
    expect(() => parseConfig({ NOTIFY_API_KEY: fakeApiKey, ...templates, NOTIFY_TEMPLATE_UPDATE_EMAIL: "x" })).toThrow(/^NOTIFY_TEMPLATE_UPDATE_EMAIL is not valid/);
    expect(() => parseConfig({ NOTIFY_API_KEY: fakeApiKey, ...templates, NOTIFY_BASE_URL: "http://notify.example" })).toThrow(/^NOTIFY_BASE_URL must use https/);
    try {
      parseConfig({ NOTIFY_API_KEY: `${fakeApiKey}x`, ...templates });
    } catch (error) {
      expect(String(error)).not.toContain(fakeApiKey);
    }
  });
});
