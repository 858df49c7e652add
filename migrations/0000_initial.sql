CREATE TABLE `annotations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_id` integer,
	`source_id` integer,
	`parent_id` integer,
	`kind` text DEFAULT 'note' NOT NULL,
	`body` text NOT NULL,
	`exact` text,
	`prefix` text,
	`suffix` text,
	`start_offset` integer,
	`end_offset` integer,
	`orphaned_at` integer,
	`resolved_at` integer,
	`resolved_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`parent_id`) REFERENCES `annotations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "annotations_kind_check" CHECK("annotations"."kind" in ('note', 'question', 'evidence', 'decision')),
	CONSTRAINT "annotations_target_check" CHECK("annotations"."claim_id" is not null or "annotations"."source_id" is not null)
);
--> statement-breakpoint
CREATE INDEX `annotations_claim_idx` ON `annotations` (`claim_id`);--> statement-breakpoint
CREATE INDEX `annotations_source_idx` ON `annotations` (`source_id`);--> statement-breakpoint
CREATE INDEX `annotations_parent_idx` ON `annotations` (`parent_id`);--> statement-breakpoint
CREATE TABLE `claim_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_id` integer NOT NULL,
	`actor_id` text,
	`at` integer NOT NULL,
	`type` text NOT NULL,
	`before` text,
	`after` text,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `claim_events_claim_idx` ON `claim_events` (`claim_id`,`at`);--> statement-breakpoint
CREATE INDEX `claim_events_at_idx` ON `claim_events` (`at`);--> statement-breakpoint
CREATE TABLE `claim_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`from_claim_id` integer NOT NULL,
	`to_claim_id` integer NOT NULL,
	`type` text NOT NULL,
	`note` text,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`deleted_at` integer,
	`deleted_by` text,
	FOREIGN KEY (`from_claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deleted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "claim_links_type_check" CHECK("claim_links"."type" in ('duplicate_of', 'supports', 'contradicts', 'related', 'updates')),
	CONSTRAINT "claim_links_no_self_check" CHECK("claim_links"."from_claim_id" <> "claim_links"."to_claim_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `claim_links_unique` ON `claim_links` (`from_claim_id`,`to_claim_id`,`type`) WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX `claim_links_to_idx` ON `claim_links` (`to_claim_id`);--> statement-breakpoint
CREATE TABLE `claim_tags` (
	`claim_id` integer NOT NULL,
	`tag_id` integer NOT NULL,
	PRIMARY KEY(`claim_id`, `tag_id`),
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `claim_tags_tag_idx` ON `claim_tags` (`tag_id`);--> statement-breakpoint
CREATE TABLE `claims` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`text` text NOT NULL,
	`quote` text,
	`language` text DEFAULT 'de' NOT NULL,
	`speaker_id` integer,
	`source_id` integer,
	`claimed_on` text,
	`assignee_id` text,
	`status` text DEFAULT 'new' NOT NULL,
	`verdict` text,
	`rationale` text,
	`submitted_by` text,
	`submitted_at` integer,
	`approved_by` text,
	`approved_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text,
	`updated_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`deleted_at` integer,
	`deleted_by` text,
	FOREIGN KEY (`speaker_id`) REFERENCES `speakers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deleted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "claims_status_check" CHECK("claims"."status" in ('new', 'researching', 'in_review', 'verified', 'rejected')),
	CONSTRAINT "claims_verdict_check" CHECK("claims"."verdict" is null or "claims"."verdict" in ('true', 'mostly_true', 'mixed', 'misleading', 'mostly_false', 'false', 'unverifiable')),
	CONSTRAINT "claims_text_check" CHECK(length(trim("claims"."text")) > 0),
	CONSTRAINT "claims_verified_check" CHECK("claims"."status" <> 'verified' or ("claims"."verdict" is not null and "claims"."rationale" is not null))
);
--> statement-breakpoint
CREATE INDEX `claims_updated_idx` ON `claims` (`deleted_at`,`updated_at`);--> statement-breakpoint
CREATE INDEX `claims_created_idx` ON `claims` (`deleted_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `claims_status_idx` ON `claims` (`status`,`updated_at`);--> statement-breakpoint
CREATE INDEX `claims_verdict_idx` ON `claims` (`verdict`,`updated_at`);--> statement-breakpoint
CREATE INDEX `claims_speaker_idx` ON `claims` (`speaker_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `claims_source_idx` ON `claims` (`source_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `claims_assignee_idx` ON `claims` (`assignee_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `claims_claimed_on_idx` ON `claims` (`claimed_on`);--> statement-breakpoint
CREATE TABLE `evidence` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_id` integer NOT NULL,
	`source_id` integer NOT NULL,
	`role` text NOT NULL,
	`note` text,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`deleted_at` integer,
	`deleted_by` text,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deleted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "evidence_role_check" CHECK("evidence"."role" in ('origin', 'supports', 'refutes', 'context'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evidence_unique` ON `evidence` (`claim_id`,`source_id`,`role`) WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX `evidence_source_idx` ON `evidence` (`source_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`url` text,
	`title` text NOT NULL,
	`outlet` text,
	`author` text,
	`published_on` text,
	`language` text,
	`kind` text DEFAULT 'article' NOT NULL,
	`excerpt` text,
	`archive_url` text,
	`retrieved_on` text,
	`notes` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text,
	`updated_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "sources_kind_check" CHECK("sources"."kind" in ('article', 'statement', 'video', 'official_document', 'post', 'dataset', 'other'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sources_url_unique` ON `sources` (`url`);--> statement-breakpoint
CREATE INDEX `sources_outlet_idx` ON `sources` (`outlet`);--> statement-breakpoint
CREATE INDEX `sources_title_idx` ON `sources` (`title`);--> statement-breakpoint
CREATE TABLE `speaker_aliases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`speaker_id` integer NOT NULL,
	`alias` text NOT NULL,
	`alias_key` text NOT NULL,
	FOREIGN KEY (`speaker_id`) REFERENCES `speakers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `speaker_aliases_unique` ON `speaker_aliases` (`speaker_id`,`alias`);--> statement-breakpoint
CREATE INDEX `speaker_aliases_key_idx` ON `speaker_aliases` (`alias_key`);--> statement-breakpoint
CREATE TABLE `speakers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text DEFAULT 'person' NOT NULL,
	`role` text,
	`organisation` text,
	`country` text,
	`wikidata_id` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text,
	`updated_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`merged_into_id` integer,
	`deleted_at` integer,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merged_into_id`) REFERENCES `speakers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "speakers_kind_check" CHECK("speakers"."kind" in ('person', 'organisation')),
	CONSTRAINT "speakers_wikidata_check" CHECK("speakers"."wikidata_id" is null or "speakers"."wikidata_id" glob 'Q[0-9]*')
);
--> statement-breakpoint
CREATE INDEX `speakers_name_idx` ON `speakers` (`name`);--> statement-breakpoint
CREATE TABLE `tags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tags_name_unique` ON `tags` (`name`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text DEFAULT 'viewer' NOT NULL,
	`password_hash` text NOT NULL,
	`disabled_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	CONSTRAINT "users_role_check" CHECK("users"."role" in ('viewer', 'editor', 'admin'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);