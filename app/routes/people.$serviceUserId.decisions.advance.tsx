import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { StatementPage } from "~/components/decisions/StatementPage";
import { requireFormData } from "~/web/csrf.server";
import { requireRecord } from "~/web/guards.server";
import { saveStatement, statementPage } from "~/web/statement-page.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return statementPage(request, await requireRecord(request, params, "decisions.read"), "advance");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "decisions.write");
  const formData = await requireFormData(request);
  return saveStatement(request, formData, actor, serviceUserId, "advance");
}

/** An advance statement (MC-07): what I would like if I become unwell and cannot say. Versions kept. */
export default function AdvanceStatement() {
  return <StatementPage kind="advance" />;
}
