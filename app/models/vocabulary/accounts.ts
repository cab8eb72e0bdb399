/** The names of the admin pages' roles and statuses, listed once; safe for the browser. */

/** The roles a page can filter by: the account's own flags, then its active relationships. */
export const accountRoles = ["admin", "staff", "service_user", "carer_of", "advocate_for", "attorney_for"] as const;
export type AccountRoleName = (typeof accountRoles)[number];

/** Active, disabled by an admin (decision 045), or made but with no password set yet. */
export const accountStatuses = ["active", "disabled", "no_password"] as const;
export type AccountStatus = (typeof accountStatuses)[number];
