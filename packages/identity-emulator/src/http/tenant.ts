/** The tenant-independent names Microsoft accepts in place of a tenant id. */
const SHARED_TENANTS = new Set(['organizations', 'common']);

/** The tenant path segment in canonical form, or null when it names no tenant of the emulator. */
export function resolveTenant(raw: string | undefined, tenantId: string): string | null {
  const lower = raw?.toLowerCase();
  if (lower === undefined) return null;
  if (lower === tenantId || SHARED_TENANTS.has(lower)) return lower;
  return null;
}

export function isSharedTenant(tenant: string): boolean {
  return SHARED_TENANTS.has(tenant);
}
