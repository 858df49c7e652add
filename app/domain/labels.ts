// The desk's words for stored values; shared by pages, exports and history.
import type {
  AnnotationKind,
  AuditAction,
  ClaimEventType,
  ClaimStatus,
  EvidenceRole,
  LinkType,
  ReviewMove,
  Role,
  SourceKind,
  Verdict,
} from './vocabulary.ts'

export const statusLabels: Record<ClaimStatus, string> = {
  new: 'New',
  researching: 'Researching',
  in_review: 'In review',
  verified: 'Verified',
  rejected: 'Rejected',
}

/** The buttons of the review panel. */
export const reviewMoveLabels: Record<ReviewMove, string> = {
  start: 'Start research',
  submit: 'Submit for review',
  approve: 'Approve',
  send_back: 'Send back to research',
  reject: 'Reject',
}

export const verdictLabels: Record<Verdict, string> = {
  true: 'True',
  mostly_true: 'Mostly true',
  mixed: 'Mixed',
  misleading: 'Misleading',
  mostly_false: 'Mostly false',
  false: 'False',
  unverifiable: 'Unverifiable',
}

export const evidenceRoleLabels: Record<EvidenceRole, string> = {
  origin: 'Origin',
  supports: 'Supports',
  refutes: 'Refutes',
  context: 'Context',
}

/** How a link reads from each end: "A contradicts B", "B is contradicted by A". */
export const linkLabels: Record<LinkType, { outgoing: string; incoming: string }> = {
  duplicate_of: { outgoing: 'is a duplicate of', incoming: 'has duplicate' },
  supports: { outgoing: 'supports', incoming: 'is supported by' },
  contradicts: { outgoing: 'contradicts', incoming: 'is contradicted by' },
  related: { outgoing: 'is related to', incoming: 'is related to' },
  updates: { outgoing: 'updates', incoming: 'is updated by' },
}

export const annotationKindLabels: Record<AnnotationKind, string> = {
  note: 'Note',
  question: 'Question',
  evidence: 'Evidence',
  decision: 'Decision',
}

export const roleLabels: Record<Role, string> = { viewer: 'Viewer', editor: 'Editor', admin: 'Admin' }

export const sourceKindLabels: Record<SourceKind, string> = {
  article: 'Article',
  statement: 'Statement',
  video: 'Video',
  official_document: 'Official document',
  post: 'Social media post',
  dataset: 'Dataset',
  other: 'Other',
}

export const claimFieldLabels: Record<string, string> = {
  text: 'Claim',
  quote: 'Quote',
  language: 'Language',
  claimedOn: 'Date made',
  speaker: 'Speaker',
  source: 'Source',
  tags: 'Tags',
  verdict: 'Verdict',
  rationale: 'Rationale',
  status: 'Status',
  assignee: 'Assignee',
  reason: 'Reason',
  override: 'Override',
  role: 'Role',
  note: 'Note',
  relation: 'Link',
  claim: 'Claim',
  kind: 'Kind',
  body: 'Text',
  annotation: 'Note',
  file: 'File',
  row: 'Row',
  checkedBy: 'Checked by',
  approvedBy: 'Approved by',
  verifiedAt: 'Verified at',
}

/** A claim field's stored value as the desk reads it: labels for codes, null for empty. */
export function claimFieldText(field: string, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null
  if (field === 'status') return statusLabels[value as ClaimStatus] ?? String(value)
  if (field === 'verdict') return verdictLabels[value as Verdict] ?? String(value)
  if (field === 'role') return evidenceRoleLabels[value as EvidenceRole] ?? String(value)
  if (field === 'kind') return annotationKindLabels[value as AnnotationKind] ?? String(value)
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** "<editor> <label>", in the claim's timeline and the desk's activity feed. */
export const claimEventLabels: Record<ClaimEventType, string> = {
  created: 'logged the claim',
  updated: 'edited the claim',
  deleted: 'moved the claim to the trash',
  restored: 'restored the claim from the trash',
  status_changed: 'changed the status',
  assigned: 'changed the assignee',
  evidence_added: 'added evidence',
  evidence_removed: 'removed evidence',
  link_added: 'linked a claim',
  link_removed: 'removed a link',
  annotation_added: 'added a note',
  annotation_changed: 'edited a note',
  annotation_resolved: 'resolved a note',
  annotation_reopened: 'reopened a note',
  annotation_removed: 'removed a note',
  speaker_merged: 'merged the speaker',
  imported: 'imported the claim',
}

/**
 * Who an event names as its actor. An import run from the command line without `--as`
 * has no editor behind it, and the history says so instead of "Someone".
 */
export function eventActorName(event: { actorName: string | null; type: string }) {
  return event.actorName ?? (event.type === 'imported' ? 'The import script' : 'Someone')
}

/** "Name (#id)": readable in history and pickers, and two records with one name still differ. */
export function recordReference(name: string | null, id: number | null) {
  return id === null ? null : `${name} (#${id})`
}

export const auditActionLabels: Record<AuditAction, string> = {
  sign_in: 'Signed in',
  sign_in_failed: 'Sign-in failed',
  sign_in_throttled: 'Sign-in refused: too many failures',
  sign_in_pause_lifted: 'Sign-in pause lifted',
  sign_out: 'Signed out',
  user_created: 'Account created',
  role_changed: 'Role changed',
  user_disabled: 'Account disabled',
  user_enabled: 'Account enabled again',
}

/** Why a sign-in failed, as the audit log tells an admin (never the person signing in). */
export const signInFailureLabels: Record<string, string> = {
  unknown_account: 'no account with this e-mail',
  wrong_password: 'wrong password',
  disabled: 'account disabled',
}
