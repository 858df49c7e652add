// The desk's fixed vocabularies. Plain constants, so forms in the browser can use them
// without pulling in the database schema.

export const roles = ['viewer', 'editor', 'admin'] as const
export type Role = (typeof roles)[number]

export const claimStatuses = ['new', 'researching', 'in_review', 'verified', 'rejected'] as const
export type ClaimStatus = (typeof claimStatuses)[number]

/** What an editor can do to a claim's workflow status (see review.server.ts). */
export const reviewMoves = ['start', 'submit', 'approve', 'send_back', 'reject'] as const
export type ReviewMove = (typeof reviewMoves)[number]

export const verdicts = ['true', 'mostly_true', 'mixed', 'misleading', 'mostly_false', 'false', 'unverifiable'] as const
export type Verdict = (typeof verdicts)[number]

export const speakerKinds = ['person', 'organisation'] as const
export const sourceKinds = ['article', 'statement', 'video', 'official_document', 'post', 'dataset', 'other'] as const
export type SourceKind = (typeof sourceKinds)[number]

export const evidenceRoles = ['origin', 'supports', 'refutes', 'context'] as const
export type EvidenceRole = (typeof evidenceRoles)[number]

export const linkTypes = ['duplicate_of', 'supports', 'contradicts', 'related', 'updates'] as const
export type LinkType = (typeof linkTypes)[number]

export const annotationKinds = ['note', 'question', 'evidence', 'decision'] as const
export type AnnotationKind = (typeof annotationKinds)[number]

/** What can happen to a claim; each is one entry in its history. */
export const claimEventTypes = [
  'created',
  'updated',
  'deleted',
  'restored',
  'status_changed',
  'assigned',
  'evidence_added',
  'evidence_removed',
  'link_added',
  'link_removed',
  'annotation_added',
  'annotation_changed',
  'annotation_resolved',
  'annotation_reopened',
  'annotation_removed',
  'speaker_merged',
  'imported',
] as const
export type ClaimEventType = (typeof claimEventTypes)[number]

/** What an uploaded import file is read as (see app/domain/import). */
export const importFormats = ['csv', 'xlsx', 'json'] as const
export type ImportFormat = (typeof importFormats)[number]

/** A staged import waits for its preview to be checked; it ends imported or discarded. */
export const stagedImportStatuses = ['staged', 'committed', 'discarded'] as const
export type StagedImportStatus = (typeof stagedImportStatuses)[number]

/** What the audit log records (decision 019): sign-ins and changes to people's accounts. */
export const auditActions = [
  'sign_in',
  'sign_in_failed',
  'sign_in_throttled',
  'sign_in_pause_lifted',
  'sign_out',
  'user_created',
  'role_changed',
  'user_disabled',
  'user_enabled',
] as const
export type AuditAction = (typeof auditActions)[number]
