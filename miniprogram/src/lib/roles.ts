// Where each role starts after login. Staff work in the staff subpackage (issue 23), so the
// families' main package stays small; a role with no page of its own uses the family home.
const STAFF_HOME: Record<string, string> = {
  CAREGIVER: '/staff/caregiver/index',
  PROVIDER_ADMIN: '/staff/dispatch/index',
  COMMUNITY_WORKER: '/staff/worker/index',
};

export function homeFor(role: string | null | undefined): string {
  return (role && STAFF_HOME[role]) || '/pages/index/index';
}
