/**
 * Names for appointments (issue 19 item 2), shared by the server and the pages: constants only.
 */

/** An appointment, or a review of the care and support plan. */
export const appointmentKinds = ["appointment", "review"] as const;
export type AppointmentKind = (typeof appointmentKinds)[number];

/** How it happens: in person (at a place), by video or by phone. */
export const appointmentModes = ["in_person", "video", "phone"] as const;
export type AppointmentMode = (typeof appointmentModes)[number];

/** What the person asks for: a change of time or place, or to cancel it. */
export const appointmentAsks = ["change", "cancel"] as const;
export type AppointmentAsk = (typeof appointmentAsks)[number];

/** The interpreter's mode that matches how the appointment happens. */
export const interpreterModeFor: Record<AppointmentMode, "face_to_face" | "video" | "phone"> = {
  in_person: "face_to_face",
  video: "video",
  phone: "phone",
};
