import { sql } from "drizzle-orm";
import type { TestProject } from "vitest/node";
import { migrate, openDatabase } from "~/utils/db.server";
import { POSTGRES_ADMIN_URL, dropStaleDatabases, withDatabase } from "./test-db";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated PostgreSQL database that each worker copies (CREATE DATABASE … TEMPLATE) instead of migrating its own. */
    postgresTemplate: string;
  }
}

/** db-postgres, once per run: migrate one template database; dropped at the end. */
export default async function setup(project: TestProject) {
  const name = `care_portal_template_${process.pid}`;
  const admin = await openDatabase({ url: POSTGRES_ADMIN_URL });
  try {
    await dropStaleDatabases(admin);
    await admin.db.execute(sql.raw(`DROP DATABASE IF EXISTS ${name}`));
    await admin.db.execute(sql.raw(`CREATE DATABASE ${name}`));
  } finally {
    await admin.close();
  }
  const template = await openDatabase({ url: withDatabase(name) });
  try {
    await migrate(template);
  } finally {
    // A template must have no connections while it is copied.
    await template.close();
  }
  project.provide("postgresTemplate", name);
  return async () => {
    const admin = await openDatabase({ url: POSTGRES_ADMIN_URL });
    try {
      await admin.db.execute(sql.raw(`DROP DATABASE IF EXISTS ${name}`));
    } finally {
      await admin.close();
    }
  };
}
