/**
 * TanStack Query keys, one family per resource, so a change invalidates exactly what it touched:
 * `queryClient.invalidateQueries({ queryKey: queryKeys.keys.all })` after any key change.
 */
export const queryKeys = {
  session: ["session"] as const,
  workspaces: ["auth", "workspaces"] as const,
  workspace: ["workspace"] as const,
  plans: ["plans"] as const,
  keys: {
    all: ["keys"] as const,
    list: (filters: Record<string, unknown>) => ["keys", "list", filters] as const,
    one: (id: string) => ["keys", "one", id] as const,
    usage: (id: string, range: string) => ["keys", "usage", id, range] as const,
  },
  apps: {
    all: ["apps"] as const,
    one: (id: string) => ["apps", "one", id] as const,
  },
  apis: { all: ["apis"] as const },
  audit: {
    all: ["audit"] as const,
    list: (filters: Record<string, unknown>) => ["audit", "list", filters] as const,
  },
  members: { all: ["members"] as const },
  invitations: { all: ["invitations"] as const },
  rootKeys: { all: ["root-keys"] as const },
  webhooks: {
    all: ["webhooks"] as const,
    one: (id: string) => ["webhooks", "one", id] as const,
    deliveries: (id: string) => ["webhooks", "deliveries", id] as const,
  },
  reports: {
    keys: ["reports", "keys"] as const,
  },
};
