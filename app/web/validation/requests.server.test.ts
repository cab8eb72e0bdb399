import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { advocateRequestSchema, formatRequestSchema, shareNeedsSchema, interpreterRequestSchema, requestStatusSchema, toInstant } from "./requests.server";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

const now = () => new Date("2026-11-24T12:00:00Z");
const good = {
  need: "bsl",
  mode: "face_to_face",
  appointment: "My review with Jo",
  "appointmentOn.day": "3",
  "appointmentOn.month": "12",
  "appointmentOn.year": "2026",
  appointmentTime: "14:30",
};

describe("asking for an interpreter", () => {
  it("takes a BSL interpreter for a future appointment, in UK time", () => {
    const result = parseWithZod(form(good), { schema: interpreterRequestSchema(now) });
    expect(result.status === "success" && result.value).toEqual({
      need: "bsl",
      language: null,
      mode: "face_to_face",
      gender: null,
      dialect: "",
      notSomeoneIKnow: false,
      appointment: "My review with Jo",
      appointmentAt: new Date("2026-12-03T14:30:00Z"),
    });
  });

  it("refuses an appointment in the past, earlier today included", () => {
    const past = parseWithZod(form({ ...good, "appointmentOn.day": "1", "appointmentOn.month": "1", "appointmentOn.year": "2026" }), {
      schema: interpreterRequestSchema(now),
    }).reply().error;
    expect(past?.appointmentOn).toEqual(["validation:interpreter.date.past"]);
    const earlier = parseWithZod(form({ ...good, "appointmentOn.day": "24", "appointmentOn.month": "11", appointmentTime: "09:00" }), {
      schema: interpreterRequestSchema(now),
    }).reply().error;
    expect(earlier?.appointmentTime).toEqual(["validation:interpreter.past"]);
  });

  it("needs a language from the list for a spoken language interpreter", () => {
    expect(parseWithZod(form({ ...good, need: "spoken" }), { schema: interpreterRequestSchema(now) }).reply().error?.language).toEqual([
      "validation:interpreter.language",
    ]);
    expect(
      parseWithZod(form({ ...good, need: "spoken", language: "klingon" }), { schema: interpreterRequestSchema(now) }).reply().error?.language,
    ).toEqual(["validation:interpreter.unknownLanguage"]);
    const ok = parseWithZod(form({ ...good, need: "spoken", language: "pl" }), { schema: interpreterRequestSchema(now) });
    expect(ok.status === "success" && ok.value.language).toBe("pl");
  });

  it("shows every problem in one round: the missing language with the other answers' errors (issue 12)", () => {
    const errors = parseWithZod(form({ need: "spoken", "appointmentOn.day": "1", "appointmentOn.month": "1", "appointmentOn.year": "2020" }), {
      schema: interpreterRequestSchema(now),
    }).reply().error;
    expect(errors).toEqual({
      language: ["validation:interpreter.language"],
      mode: ["validation:interpreter.mode"],
      appointment: ["validation:interpreter.appointment"],
      appointmentOn: ["validation:interpreter.date.past"],
      appointmentTime: ["validation:interpreter.time"],
    });
  });

  it("leaves the preference blank when it is not answered: blank is never 'no preference' (issue 12)", () => {
    const result = parseWithZod(form(good), { schema: interpreterRequestSchema(now) });
    expect(result.status === "success" && result.value.gender).toBeNull();
    const chosen = parseWithZod(form({ ...good, gender: "no_preference" }), { schema: interpreterRequestSchema(now) });
    expect(chosen.status === "success" && chosen.value.gender).toBe("no_preference");
  });

  it("offers a speech-to-text reporter (STTR) (issue 12, AD-05)", () => {
    const result = parseWithZod(form({ ...good, need: "sttr" }), { schema: interpreterRequestSchema(now) });
    expect(result.status === "success" && result.value).toMatchObject({ need: "sttr", language: null });
  });

  it("reads a time typed in Arabic or Bengali digits, or with a full-width colon", () => {
    for (const appointmentTime of ["١٤:٣٠", "১৪.৩০", "14：30"]) {
      const result = parseWithZod(form({ ...good, appointmentTime }), { schema: interpreterRequestSchema(now) });
      expect(result.status === "success" && result.value.appointmentAt, appointmentTime).toEqual(new Date("2026-12-03T14:30:00Z"));
    }
  });

  it("explains a time that is not a time", () => {
    expect(parseWithZod(form({ ...good, appointmentTime: "half two" }), { schema: interpreterRequestSchema(now) }).reply().error?.appointmentTime).toEqual([
      "validation:interpreter.time",
    ]);
  });

  it("reads UK wall-clock time across summer time", () => {
    expect(toInstant("2027-07-01", "09:00").toISOString()).toBe("2027-07-01T08:00:00.000Z");
    expect(toInstant("2027-01-15", "09:00").toISOString()).toBe("2027-01-15T09:00:00.000Z");
  });
});

describe("staff updating a request", () => {
  it("booked and not arranged need a note for the person", () => {
    expect(parseWithZod(form({ status: "booked" }), { schema: requestStatusSchema }).reply().error?.note).toEqual(["validation:requestStatus.note.booked"]);
    expect(parseWithZod(form({ status: "seen" }), { schema: requestStatusSchema }).status).toBe("success");
    expect(parseWithZod(form({ status: "cancelled" }), { schema: requestStatusSchema }).reply().error?.status).toEqual(["validation:requestStatus.status"]);
  });
});

describe("asking for an advocate", () => {
  const answers = {
    kind: "imha",
    referrer: "advocate",
    about: "  The tribunal in March  ",
    legalStatus: "detained",
    shareCommunication: "yes",
    contactMethod: "text",
    contactDetails: "07700 900123",
    consent: "yes",
  };
  const errorsOf = (fields: Record<string, string>, own = false) => {
    const result = parseWithZod(form(fields), { schema: advocateRequestSchema(own) });
    return result.status === "success" ? {} : result.reply().error;
  };

  it("takes a full request from someone asking for another person", () => {
    const result = parseWithZod(form(answers), { schema: advocateRequestSchema(false) });
    expect(result.status === "success" && result.value).toEqual({
      kind: "imha",
      referrer: "advocate",
      about: "The tribunal in March",
      legalStatus: "detained",
      shareCommunication: true,
      communicationOther: "",
      contactMethod: "text",
      contactDetails: "07700 900123",
      contactTimes: "",
      leaveMessage: null,
      consent: true,
    });
  });

  it("does not ask the person who they are: it is always 'self'; legal status may be left out", () => {
    const { referrer: _r, legalStatus: _l, ...rest } = answers;
    const result = parseWithZod(form({ ...rest, referrer: "amhp" }), { schema: advocateRequestSchema(true) });
    expect(result.status === "success" && result.value).toMatchObject({ referrer: "self", legalStatus: null });
  });

  it("takes the person's own request, which has no 'who is asking' question, with every field filled (issue 12)", () => {
    const { referrer: _r, ...own } = answers;
    const result = parseWithZod(form({ ...own, communicationOther: "Short sentences", contactTimes: "After 4pm", leaveMessage: "no" }), {
      schema: advocateRequestSchema(true),
    });
    expect(result.status === "success" ? result.value : result.reply().error).toMatchObject({ referrer: "self", kind: "imha", contactTimes: "After 4pm" });
  });

  it("keeps unanswered questions unanswered: no time is 'any time', no answer is not 'no' (issue 12)", () => {
    const { shareCommunication: _s, ...rest } = answers;
    const result = parseWithZod(form(rest), { schema: advocateRequestSchema(false) });
    expect(result.status === "success" && result.value).toMatchObject({ contactTimes: "", leaveMessage: null, shareCommunication: null });
    const no = parseWithZod(form({ ...answers, leaveMessage: "no", shareCommunication: "no" }), { schema: advocateRequestSchema(false) });
    expect(no.status === "success" && no.value).toMatchObject({ leaveMessage: false, shareCommunication: false });
  });

  it("needs consent, a kind, what it is about, who is asking and a way to get in touch", () => {
    expect(errorsOf({ consent: "" })).toMatchObject({
      kind: ["validation:advocateRequest.kind"],
      referrer: ["validation:advocateRequest.referrer"],
      about: ["validation:advocateRequest.about"],
      contactMethod: ["validation:advocateRequest.contactMethod"],
      contactDetails: ["validation:advocateRequest.contactDetails"],
      consent: ["validation:advocateRequest.consentOther"],
    });
    expect(errorsOf({ ...answers, consent: "" }, true)).toMatchObject({ consent: ["validation:advocateRequest.consentOwn"] });
  });

  it("refuses choices not on the list and text that is too long, keeping what was typed", () => {
    const result = parseWithZod(form({ ...answers, kind: "lawyer", legalStatus: "section 99", about: "x".repeat(2001), contactDetails: "y".repeat(501) }), {
      schema: advocateRequestSchema(false),
    });
    expect(result.status).toBe("error");
    expect(result.reply().error).toMatchObject({
      kind: ["validation:advocateRequest.kind"],
      legalStatus: ["validation:advocateRequest.legalStatus"],
      about: ["validation:advocateRequest.aboutTooLong"],
      contactDetails: ["validation:advocateRequest.contactDetailsTooLong"],
    });
    expect(result.reply().initialValue).toMatchObject({ kind: "lawyer", contactMethod: "text" });
  });
});

describe("asking for another format, and for needs to be shared", () => {
  it("takes a document, a format and a way to send it; the file format only when it is asked for", () => {
    const result = parseWithZod(form({ document: "plan", format: "easy_read", attachmentFormat: "Word", delivery: "post" }), { schema: formatRequestSchema });
    expect(result.status === "success" && result.value).toEqual({ document: "plan", format: "easy_read", attachmentFormat: "", language: "", delivery: "post" });
    const missing = parseWithZod(form({ document: "plan", format: "attachment", delivery: "email" }), { schema: formatRequestSchema });
    expect(missing.status === "error" && missing.reply().error).toEqual({ attachmentFormat: ["validation:formatRequest.attachment"] });
  });

  it("offers the plan translated, into a language from the list (issue 12, for people whose language the portal is not in)", () => {
    const result = parseWithZod(form({ document: "plan", format: "translated", language: "ti", delivery: "post" }), { schema: formatRequestSchema });
    expect(result.status === "success" && result.value).toEqual({ document: "plan", format: "translated", attachmentFormat: "", language: "ti", delivery: "post" });
    expect(parseWithZod(form({ document: "plan", format: "translated", delivery: "post" }), { schema: formatRequestSchema }).reply().error).toEqual({
      language: ["validation:formatRequest.language"],
    });
    expect(parseWithZod(form({ document: "plan", format: "translated", language: "klingon", delivery: "post" }), { schema: formatRequestSchema }).reply().error).toEqual({
      language: ["validation:formatRequest.unknownLanguage"],
    });
    // The language goes only with a translation.
    const large = parseWithZod(form({ document: "plan", format: "large_print", language: "ti", delivery: "post" }), { schema: formatRequestSchema });
    expect(large.status === "success" && large.value.language).toBe("");
  });

  it("asks for the file format together with the other missing answers (issue 12)", () => {
    const result = parseWithZod(form({ format: "attachment" }), { schema: formatRequestSchema });
    expect(result.status === "error" && result.reply().error).toEqual({
      document: ["validation:formatRequest.document"],
      delivery: ["validation:formatRequest.delivery"],
      attachmentFormat: ["validation:formatRequest.attachment"],
    });
  });

  it("refuses choices that are not on the list", () => {
    const result = parseWithZod(form({ document: "diary", format: "smoke signals", delivery: "pigeon" }), { schema: formatRequestSchema });
    expect(result.status === "error" && result.reply().error).toMatchObject({
      document: ["validation:formatRequest.document"],
      format: ["validation:formatRequest.format"],
      delivery: ["validation:formatRequest.delivery"],
    });
  });

  it("shares needs only with a clear yes", () => {
    expect(parseWithZod(form({}), { schema: shareNeedsSchema }).status).toBe("error");
    expect(parseWithZod(form({ consent: "yes" }), { schema: shareNeedsSchema }).status).toBe("success");
  });
});
