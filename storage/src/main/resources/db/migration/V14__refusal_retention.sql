-- MyCity schema, version 14: the refusal store is bounded (storage maintenance deletes by age, then the oldest beyond
-- a number of messages); these indexes find the oldest without a scan.
CREATE INDEX refused_message_received ON refused_message (received_at);
CREATE INDEX refusal_received ON refusal (received_at);
