import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { parseWithZod } from "~/web/validation/parse.server";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DateInput } from "~/components/forms/DateInput";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { CareTeamFields } from "~/components/plan/CareTeamFields";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { RadioGroup } from "~/components/ui/RadioGroup";
import { TextArea } from "~/components/ui/TextArea";
import { config } from "~/config.server";
import { TextField } from "~/components/ui/TextField";
import { changeCoordinator, getCoordinatorForm, NotAStaffMemberError, searchStaff, type CoordinatorChoice } from "~/models/care-team.server";
import { isolate } from "~/utils/bidi";
import { requireFormData } from "~/web/csrf.server";
import { getDb } from "~/utils/db.server";
import { invalid, orNotFound, requireRecord } from "~/web/guards.server";
import { coordinatorSchema, staffSearchSchema } from "~/web/validation/plan.server";
import { saved, saveOnce } from "~/web/saves.server";
import { restoreDraft } from "~/web/drafts.server";

function wording() {
  return config().coordinatorWording === "key_worker" ? ("keyWorker" as const) : ("careCoordinator" as const);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, t } = await requireRecord(request, params, "plan.write");
  const form = await orNotFound(getCoordinatorForm(getDb(), actor, serviceUserId));
  return json({
    serviceUserId,
    current: form.current,
    wording: wording(),
    draft: await restoreDraft(request, actor.accountId),
    pageTitle: t(`plan:coordinatorForm.title.${wording()}`, { name: isolate(form.displayName) }),
  });
}

/** Who the search found, and whether there were more than it shows. */
type StaffFound = { search: string; matches: CoordinatorChoice[]; more: boolean };

/** With no one found to choose from, "choose who" is said at the search field, where the summary can link. */
function withStaff<R extends { error?: Record<string, string[] | null> | undefined }>(reply: R, staff: StaffFound) {
  if (!staff.matches.length && reply.error?.accountId) {
    const { accountId: _, ...rest } = reply.error;
    // First, as on the page: the error summary lists fields in this order.
    return { ...reply, error: { staffSearch: ["validation:coordinator.staffSearch.first"], ...rest }, staff };
  }
  return { ...reply, staff };
}

/**
 * The search for staff is posted with the rest of the form (the "Search" button), never put in the
 * address, so what was typed stays and nothing reaches logs (decision 048). A save with an error
 * searches again, so the radios and the choice are still there.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "plan.write");
  const formData = await requireFormData(request);
  const found = async (chosen?: string | null): Promise<StaffFound> => {
    const search = String(formData.get("staffSearch") ?? "").trim().slice(0, 200);
    return { search, ...(await searchStaff(getDb(), actor, serviceUserId, search, chosen)) };
  };
  if (formData.get("intent") === "search") {
    const searched = parseWithZod(formData, { schema: staffSearchSchema });
    if (searched.status !== "success") return invalid({ ...searched.reply(), staff: null });
    return json({ ...searched.reply(), staff: await found() });
  }
  const submission = parseWithZod(formData, { schema: coordinatorSchema });
  const chosen = String(formData.get("accountId") ?? "");
  if (submission.status !== "success") return invalid(withStaff(submission.reply(), await found(chosen)));
  try {
    return await saveOnce(request, formData, actor.accountId, async (tx) => {
      const { actorKeepsAccess } = await orNotFound(
        changeCoordinator(tx, actor, serviceUserId, { ...submission.value, effectiveOn: submission.value.effectiveOn! }),
      );
      // Someone who hands over their own person no longer sees the record: back to their caseload.
      return actorKeepsAccess ? saved(`/people/${serviceUserId}/plan#changes`) : saved("/staff?handedOver=1", null);
    });
  } catch (error) {
    if (!(error instanceof NotAStaffMemberError)) throw error;
    return invalid(withStaff(submission.reply({ fieldErrors: { accountId: ["validation:coordinator.accountId.required"] } }), await found()));
  }
}

/** Hand the person over to a new care coordinator, saying why; the person reads the change on their plan. */
export default function ChangeCoordinator() {
  const { t } = useTranslation(["plan", "common"]);
  const { serviceUserId, current, wording, pageTitle, draft: kept } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const staff = (lastResult && "staff" in lastResult ? lastResult.staff : null) as StaffFound | null;
  const draft = lastResult ? null : kept;
  const { form, errorFor, summary, valueOf, partOf } = useServerForm("change-coordinator", lastResult ?? draft);
  const fields = ["role", "organisation", "contact", "whenToContact"] as const;
  const values = Object.fromEntries(fields.map((f) => [f, valueOf(f)]));
  if (!lastResult && !draft && current) values.organisation = current.organisation;
  return (
    <FormPage back={{ href: `/people/${serviceUserId}/plan#team`, label: t("plan:backToPlan") }} title={pageTitle} errors={summary} resultKey={lastResult} draft={draft}>
      {current ? <p>{t(`plan:coordinatorForm.current.${wording}`, { name: isolate(current.name) })}</p> : null}
      <p>{t("plan:coordinatorForm.intro")}</p>
      <Form id={form.id} keepsDraft>
        <section aria-labelledby="staff-search-heading">
          <h2 className="heading-m" id="staff-search-heading">
            {t(`plan:coordinatorForm.who.${wording}`)}
          </h2>
          <TextField
            name="staffSearch"
            maxLength={200}
            label={t("plan:coordinatorForm.search.label")}
            hint={t("plan:coordinatorForm.search.hint")}
            autoComplete="off"
            spellCheck={false}
            defaultValue={valueOf("staffSearch")}
            error={errorFor("staffSearch")}
          />
          {/* First in the form: Enter in the search field searches rather than saves. */}
          <Button type="submit" name="intent" value="search" variant="secondary">
            {t("plan:coordinatorForm.search.submit")}
          </Button>
          {staff && staff.matches.length ? (
            <RadioGroup
                name="accountId"
                label={t("plan:coordinatorForm.search.choose")}
                hint={staff.more ? t("plan:coordinatorForm.search.more", { shown: staff.matches.length }) : undefined}
                defaultValue={valueOf("accountId")}
                error={errorFor("accountId")}
                choices={staff.matches.map((c) => ({ value: c.accountId, label: <span dir="auto">{c.displayName}</span>, hint: <bdi>{c.email}</bdi> }))}
              />
          ) : staff?.search ? (
            <p role="status">{t("plan:coordinatorForm.search.none", { search: isolate(staff.search) })}</p>
          ) : null}
        </section>
        <h2 className="heading-m">{t("plan:coordinatorForm.detailsHeading")}</h2>
        <p>{t("plan:coordinatorForm.detailsIntro")}</p>
        <CareTeamFields values={values} errorFor={errorFor} withName={false} withAgency={false} />
        <TextArea
          name="reason" maxLength={2000}
          label={t("plan:levelForm.reason")}
          hint={t("plan:levelForm.reasonHint")}
          rows={4}
          defaultValue={valueOf("reason")}
          error={errorFor("reason")}
        />
        <DateInput
          name="effectiveOn"
          legend={t("plan:levelForm.effectiveOn")}
          hint={t("plan:reviewForm.dateHint")}
          error={errorFor("effectiveOn")}
          defaultValue={{ day: partOf("effectiveOn", "day"), month: partOf("effectiveOn", "month"), year: partOf("effectiveOn", "year") }}
        />
        <p>{t("plan:coordinatorForm.accessNote")}</p>
        <Button type="submit">{t("plan:coordinatorForm.submit")}</Button>
      </Form>
    </FormPage>
  );
}
