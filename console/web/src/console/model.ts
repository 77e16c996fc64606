// The ticket as GET /api/tickets shows it to staff, and the rules the console applies to it locally.

export type Stage = 'RECEIVED' | 'IN_REVIEW' | 'SOLUTION_PROPOSED' | 'WAITING_ON_CUSTOMER' | 'RESOLVED' | 'CLOSED';
export type Priority = 'URGENT' | 'HIGH' | 'NORMAL' | 'LOW';

export interface EmergencyAction {
  type: string;
  status: string;
  actionId?: string;
  bankReference?: string | null;
  failureReason?: string | null;
  requestedAt?: string;
  updatedAt?: string;
}

export interface Sla {
  firstResponseDueAt?: string | null;
  resolutionDueAt?: string | null;
  regulatoryDueAt?: string | null;
  breached: boolean;
  breaches?: string[];
  firstRespondedAt?: string | null;
  resolvedAt?: string | null;
}

export interface Ticket {
  id: string;
  number: string;
  customerId: string;
  channel: string;
  category: string;
  priority: Priority;
  stage: Stage;
  assignee?: string | null;
  skill?: string | null;
  subject?: string;
  description?: string;
  sla?: Sla | null;
  expectedResolutionAt?: string | null;
  expectedResolutionNotice?: string | null;
  deadlineAt?: string | null;
  urgencySignals?: string[];
  identityVerified?: boolean;
  vulnerableCustomer?: boolean;
  formalComplaint?: boolean;
  escalated?: boolean;
  emergencyActions: EmergencyAction[];
  conversationIds: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Sent by the server when it knows them; otherwise the published lifecycle below decides. */
  allowedTransitions?: Stage[];
}

export const STAGES: Stage[] = ['RECEIVED', 'IN_REVIEW', 'SOLUTION_PROPOSED', 'WAITING_ON_CUSTOMER', 'RESOLVED',
  'CLOSED'];
export const PRIORITIES: Priority[] = ['URGENT', 'HIGH', 'NORMAL', 'LOW'];
export const CATEGORIES = ['CARD', 'CARD_LOSS', 'TRANSFER_LIMIT', 'LIMIT_INQUIRY', 'LOAN_JEONSE', 'FX', 'ACCOUNT',
  'IDENTITY', 'INVESTMENT', 'GROUP_ACCOUNT', 'FRAUD', 'GENERAL'];
export const SKILLS = ['GENERAL', 'CARD', 'TRANSFER_LIMIT', 'LIMIT_INQUIRY', 'LOAN_JEONSE', 'FX', 'FRAUD', 'ACCOUNT',
  'IDENTITY', 'INVESTMENT', 'GROUP_ACCOUNT'];

/** The published complaint process (ticket-service's Lifecycle): the steps a ticket may take from each stage. */
const LIFECYCLE: Record<Stage, Stage[]> = {
  RECEIVED: ['IN_REVIEW'],
  IN_REVIEW: ['SOLUTION_PROPOSED', 'WAITING_ON_CUSTOMER'],
  WAITING_ON_CUSTOMER: ['IN_REVIEW', 'SOLUTION_PROPOSED'],
  SOLUTION_PROPOSED: ['RESOLVED', 'IN_REVIEW', 'WAITING_ON_CUSTOMER'],
  RESOLVED: ['CLOSED', 'IN_REVIEW'],
  CLOSED: [],
};

export function allowedTransitions(ticket: Pick<Ticket, 'stage' | 'allowedTransitions'>): Stage[] {
  return ticket.allowedTransitions ?? LIFECYCLE[ticket.stage] ?? [];
}

export function isOpen(ticket: Pick<Ticket, 'stage'>): boolean {
  return ticket.stage !== 'RESOLVED' && ticket.stage !== 'CLOSED';
}

export type Clock = 'FIRST_RESPONSE' | 'RESOLUTION' | 'REGULATORY';

export interface Due {
  clock: Clock;
  at: string;
}

/**
 * The deadline the agent works against now: the first response until someone answered, then the
 * resolution; a regulatory deadline (민원) when it comes first. None once the ticket is resolved.
 */
export function currentDue(ticket: Pick<Ticket, 'sla' | 'stage'>): Due | null {
  const sla = ticket.sla;
  if (!sla || !isOpen(ticket)) return null;
  const candidates: Due[] = [];
  if (!sla.firstRespondedAt && sla.firstResponseDueAt) candidates.push({ clock: 'FIRST_RESPONSE', at: sla.firstResponseDueAt });
  else if (sla.resolutionDueAt) candidates.push({ clock: 'RESOLUTION', at: sla.resolutionDueAt });
  if (sla.regulatoryDueAt) candidates.push({ clock: 'REGULATORY', at: sla.regulatoryDueAt });
  candidates.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return candidates[0] ?? null;
}

const RANK: Record<string, number> = { URGENT: 0, HIGH: 1, NORMAL: 2, LOW: 3 };

/** Queue order, as the server sorts: priority first, then the earliest due time, then the oldest. */
export function queueOrder(a: Ticket, b: Ticket): number {
  const rank = (RANK[a.priority] ?? 9) - (RANK[b.priority] ?? 9);
  if (rank !== 0) return rank;
  const due = (t: Ticket) => {
    const d = currentDue(t);
    const deadline = t.deadlineAt ? Date.parse(t.deadlineAt) : Infinity;
    return Math.min(d ? Date.parse(d.at) : Infinity, deadline);
  };
  const byDue = due(a) - due(b);
  if (byDue !== 0 && !Number.isNaN(byDue)) return byDue;
  return Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id.localeCompare(b.id);
}

export interface TeamFilter {
  stage?: string;
  priority?: string;
  category?: string;
  skill?: string;
  assignee?: string;
  q?: string;
  slaBreached?: boolean;
}

/** Whether a ticket that changed belongs in a list fetched with this filter (what the server would answer). */
export function matchesFilter(t: Ticket, f: TeamFilter): boolean {
  if (f.stage && t.stage !== f.stage) return false;
  if (f.priority && t.priority !== f.priority) return false;
  if (f.category && t.category !== f.category) return false;
  if (f.skill && (t.skill ?? '').toUpperCase() !== f.skill.toUpperCase()) return false;
  if (f.assignee && t.assignee !== f.assignee) return false;
  if (f.slaBreached !== undefined && !!t.sla?.breached !== f.slaBreached) return false;
  if (f.q) {
    const q = f.q.trim().toLowerCase();
    const hay = [t.subject, t.description, t.number].map((s) => (s ?? '').toLowerCase());
    if (!hay.some((s) => s.includes(q))) return false;
  }
  return true;
}

export type QueuePlace = 'assigned' | 'nextUp' | null;

/** Where a ticket belongs in an agent's own queue: held by them, waiting for one of their skills, or neither. */
export function placeInQueue(t: Ticket, agentId: string, skills: string[]): QueuePlace {
  if (!isOpen(t)) return null;
  if (t.assignee === agentId) return 'assigned';
  if (!t.assignee && t.skill && skills.includes(t.skill)) return 'nextUp';
  return null;
}

/** Keeps whichever copy of a ticket is newer: events may arrive after a fresher read. */
export function newer(current: Ticket | undefined, incoming: Ticket): boolean {
  if (!current) return true;
  if (incoming.version !== current.version) return incoming.version > current.version;
  return Date.parse(incoming.updatedAt) >= Date.parse(current.updatedAt);
}
