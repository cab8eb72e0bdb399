import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { SecondStepPage } from "~/components/forms/SecondStepPage";
import type { RouteHandle } from "~/root";
import { requireFormData } from "~/web/csrf.server";
import { clientAddress } from "~/web/forms.server";
import { completeSecondStep, requireSecondStep } from "~/web/second-step.server";

export const handle: RouteHandle = { titleKey: "auth:secondStep.title" };

/** Signing in, second step: the 6-digit code from the person's authenticator app (decision 044). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireSecondStep(request);
  return json({});
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await requireFormData(request);
  return completeSecondStep(request, formData, clientAddress(context), "totp");
}

export default function SecondStep() {
  return <SecondStepPage method="totp" />;
}
