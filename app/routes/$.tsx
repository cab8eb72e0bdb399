/** Any address we do not know: the 404 page from the root error boundary. */
export function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}
