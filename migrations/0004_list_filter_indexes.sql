DROP INDEX `claims_status_idx`;--> statement-breakpoint
DROP INDEX `claims_verdict_idx`;--> statement-breakpoint
DROP INDEX `claims_speaker_idx`;--> statement-breakpoint
DROP INDEX `claims_source_idx`;--> statement-breakpoint
DROP INDEX `claims_assignee_idx`;--> statement-breakpoint
CREATE INDEX `claims_status_idx` ON `claims` (`status`,`deleted_at`,`updated_at`);--> statement-breakpoint
CREATE INDEX `claims_verdict_idx` ON `claims` (`verdict`,`deleted_at`,`updated_at`);--> statement-breakpoint
CREATE INDEX `claims_speaker_idx` ON `claims` (`speaker_id`,`deleted_at`,`updated_at`);--> statement-breakpoint
CREATE INDEX `claims_source_idx` ON `claims` (`source_id`,`deleted_at`,`updated_at`);--> statement-breakpoint
CREATE INDEX `claims_assignee_idx` ON `claims` (`assignee_id`,`deleted_at`,`updated_at`);