// The dashboard's data as the client receives it (from GET /api/progress). Types only.
export type { DashboardView as DashboardData } from "@/lib/progress/queries";
