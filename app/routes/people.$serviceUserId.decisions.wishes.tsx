import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { StatementPage } from "~/components/decisions/StatementPage";
import { requireSignedIn } from "~/utils/auth.server";
import { requireFormData } from "~/utils/csrf.server";
import { saveStatement, statementPage } from "~/utils/statement-page.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return statementPage(request, params, "wishes");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireSignedIn(request);
  const formData = await requireFormData(request);
  return saveStatement(request, formData, actor, params.serviceUserId ?? "", "wishes");
}

/** My wishes, feelings, beliefs and values (MC-03): the person's words, every version kept. */
export default function Wishes() {
  return <StatementPage kind="wishes" />;
}
