CREATE INDEX `claim_events_type_idx` ON `claim_events` (`type`,`at`);--> statement-breakpoint
CREATE INDEX `claim_events_actor_idx` ON `claim_events` (`actor_id`,`at`);