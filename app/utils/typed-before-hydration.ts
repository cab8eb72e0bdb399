/**
 * What a person typed or chose before the page's JavaScript took over, kept (issue 15: nothing lost).
 *
 * React Aria's fields are controlled inputs: when React hydrates the page it sets each one back to
 * the value the server rendered, so anything typed on a slow connection before then would be
 * wiped (on the first render after hydration), and a form sent just after would go without it.
 *
 * So entry.client.tsx, just before it hydrates, notes every field whose value differs from the one
 * in the HTML and sets it back to the HTML's, so React takes over the page exactly as the server
 * sent it. Once hydrated, root.tsx puts each change back as the person made it (typing: an input
 * event; a choice: a click), so React's own state holds it and no later render undoes it.
 */
type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
interface Typed {
  field: Field;
  value?: string;
  checked?: boolean;
}

let typed: Typed[] = [];

function selectChanged(select: HTMLSelectElement): boolean {
  return [...select.options].some((option) => option.selected !== option.defaultSelected);
}

/**
 * Note the fields the person has changed since the page arrived, and set them back to the page's
 * own values for React to take over (entry.client.tsx, just before hydrating).
 */
export function noteTypedBeforeHydration(root: ParentNode): void {
  typed = [];
  for (const field of root.querySelectorAll<Field>("input, textarea, select")) {
    if (field instanceof HTMLInputElement) {
      if (field.type === "hidden" || field.type === "file" || field.type === "submit" || field.type === "button") continue;
      if (field.type === "checkbox" || field.type === "radio") {
        if (field.checked !== field.defaultChecked) {
          typed.push({ field, checked: field.checked });
          field.checked = field.defaultChecked;
        }
      } else if (field.value !== field.defaultValue) {
        typed.push({ field, value: field.value });
        field.value = field.defaultValue;
      }
    } else if (field instanceof HTMLTextAreaElement) {
      if (field.value !== field.defaultValue) {
        typed.push({ field, value: field.value });
        field.value = field.defaultValue;
      }
    } else if (selectChanged(field)) {
      typed.push({ field, value: field.value });
      for (const option of field.options) option.selected = option.defaultSelected;
    }
  }
}

/** Set a value the way typing does, so that React sees the change. */
function typeValue(field: Field, value: string): void {
  const prototype = Object.getPrototypeOf(field) as object;
  const setter = Object.getOwnPropertyDescriptor(prototype, "value")?.set;
  if (setter) setter.call(field, value);
  else field.value = value;
  field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? "change" : "input", { bubbles: true }));
}

/** Put back what was noted, where hydration undid it (root.tsx, once hydrated). */
export function restoreTypedBeforeHydration(): void {
  for (const { field, value, checked } of typed) {
    if (!field.isConnected) continue;
    if (checked !== undefined) {
      // A click, as the person made: it checks a radio, or turns a checkbox back to what they chose.
      if (field instanceof HTMLInputElement && field.checked !== checked && (checked || field.type === "checkbox")) field.click();
    } else if (value !== undefined && field.value !== value) typeValue(field, value);
  }
  typed = [];
}
