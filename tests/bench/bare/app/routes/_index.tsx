import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

export const meta = () => [{ title: "Bare Remix route" }];

/** One loader and a small page: the framework's own cost of a request, for the ratios. */
export function loader() {
  return json({ items: ["Plan", "Goals", "Care team", "Crisis plan", "Requests"] });
}

export default function Index() {
  const { items } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>A small page</h1>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </main>
  );
}
