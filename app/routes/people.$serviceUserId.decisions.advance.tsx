import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { StatementPage } from "~/components/decisions/StatementPage";
import { requireSignedIn } from "~/utils/auth.server";
import { requireFormData } from "~/utils/csrf.server";
import { saveStatement, statementPage } from "~/utils/statement-page.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return statementPage(request, params, "advance");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireSignedIn(request);
  const formData = await requireFormData(request);
  return saveStatement(request, formData, actor, params.serviceUserId ?? "", "advance");
}

/** An advance statement (MC-07): what I would like if I become unwell and cannot say. Versions kept. */
export default function AdvanceStatement() {
  return <StatementPage kind="advance" />;
}
