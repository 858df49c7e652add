CREATE TABLE `staged_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`owner_id` text NOT NULL,
	`file_name` text NOT NULL,
	`format` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`row_count` integer NOT NULL,
	`headers` text NOT NULL,
	`rows` text,
	`mapping` text,
	`report` text NOT NULL,
	`status` text DEFAULT 'staged' NOT NULL,
	`committed_at` integer,
	`created_claim_count` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "staged_imports_format_check" CHECK("staged_imports"."format" in ('csv', 'xlsx', 'json')),
	CONSTRAINT "staged_imports_status_check" CHECK("staged_imports"."status" in ('staged', 'committed', 'discarded'))
);
--> statement-breakpoint
CREATE INDEX `staged_imports_owner_idx` ON `staged_imports` (`owner_id`,`created_at`);