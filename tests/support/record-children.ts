import { can, type Actor } from "~/models/access.server";
import { requestAssessment } from "~/models/carers.server";
import { addConsultee } from "~/models/decisions.server";
import { sendMessage } from "~/models/messages.server";
import { requestInterpreter } from "~/models/requests.server";
import { recordAppointment } from "~/models/appointments.server";
import type { Db } from "~/utils/db.server";

/**
 * Things inside a record the demo seed does not have, made as the people who may make them: a
 * support request (by the person), an appointment (by the care team), a message thread with the care team (by the person), someone to consult (by anyone who may write decisions) and a
 * carer's assessment request (by a carer who may tell the team). For the tests that go through every
 * route with an id of each (the authorisation matrix, hostile input). Returns what it made.
 */
export async function addRecordChildren(db: Db, actors: Actor[], serviceUserId: string): Promise<{ writer: Actor | undefined }> {
  const may = (action: "requests.create" | "decisions.write" | "team.tell") => actors.find((a) => can(a, action, { serviceUserId }));
  const asker = may("requests.create");
  if (asker) {
    await requestInterpreter(db, asker, serviceUserId, {
      need: "spoken",
      language: "pl",
      mode: "face_to_face",
      gender: null,
      dialect: "",
      notSomeoneIKnow: false,
      appointment: "Review",
      appointmentAt: new Date(Date.now() + 7 * 86_400_000),
    });
  }
  // An appointment (the seed has one for Sam only), recorded by the care team.
  const team = actors.find((a) => can(a, "appointments.write", { serviceUserId }));
  if (team) {
    await recordAppointment(db, team, serviceUserId, {
      kind: "review",
      startsAt: new Date(Date.now() + 10 * 86_400_000),
      mode: "phone",
      place: "",
      withWhom: "The care coordinator",
      purpose: "Review of the plan",
    });
  }
  const messenger = actors.find((a) => can(a, "messages.start", { serviceUserId }));
  if (messenger) await sendMessage(db, messenger, serviceUserId, { subject: "A question", body: "Can we talk on Tuesday?" });
  const writer = may("decisions.write");
  if (writer) await addConsultee(db, writer, serviceUserId, { name: "Ruth", relationship: "Aunt", contact: "", scopes: ["care"], scopeOther: "" });
  const carer = actors.find((a) => a.relationships.some((r) => r.kind === "carer_of" && r.serviceUserId === serviceUserId) && can(a, "team.tell", { serviceUserId }));
  if (carer) await requestAssessment(db, carer, { serviceUserId, contactBy: "phone", bestTime: "", wantsAdvocate: false });
  return { writer };
}
