import { NotFoundError } from "~/models/access.server";

/** Turn a model's NotFoundError into the 404 page; anything else is a real failure. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof NotFoundError) throw new Response("Not found", { status: 404 });
    throw error;
  }
}
